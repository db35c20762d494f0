package cn.eexpo.clearance.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.Key;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyName;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Verifies signed messages without the bridge's signing code: RSA-SHA1 with the JDK's XML-DSig validation, SM2-SM3
 * with the JDK's C14N (its {@code TransformService}) and BouncyCastle's SM3 and SM2. Returns what it found so that
 * tests can assert on each part.
 */
public final class IndependentVerifier {

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    public record Result(boolean valid, String keyName, X509Certificate certificate, String signatureMethod) {}

    private IndependentVerifier() {}

    /** RSA-SHA1: {@code XMLSignatureFactory} unmarshal and validate (core validation: references and signature). */
    public static Result verifyRsa(byte[] xml) throws Exception {
        Document document = parse(xml);
        Element signature = signatureOf(document);
        var selector = new CertificateFromKeyInfo();
        var context = new DOMValidateContext(selector, signature);
        // The JDK's secure validation forbids SHA-1 since JDK 17; customs prescribes exactly that.
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        boolean valid = xmlSignature.validate(context);
        String keyName = xmlSignature.getKeyInfo().getContent().stream()
                .filter(KeyName.class::isInstance)
                .map(k -> ((KeyName) k).getName())
                .findFirst()
                .orElseThrow();
        return new Result(
                valid,
                keyName,
                selector.certificate,
                xmlSignature.getSignedInfo().getSignatureMethod().getAlgorithm());
    }

    /** SM2-SM3: the digest and the signature recomputed with the JDK's inclusive C14N and BouncyCastle. */
    public static Result verifySm2(byte[] xml) throws Exception {
        var bc = new BouncyCastleProvider();
        Document document = parse(xml);
        Element signature = signatureOf(document);
        Element signedInfo = child(signature, "SignedInfo");
        Element reference = child(signedInfo, "Reference");
        String c14n = child(signedInfo, "CanonicalizationMethod").getAttribute("Algorithm");
        String method = child(signedInfo, "SignatureMethod").getAttribute("Algorithm");
        String digestMethod = child(reference, "DigestMethod").getAttribute("Algorithm");
        String transform = child(child(reference, "Transforms"), "Transform").getAttribute("Algorithm");
        if (!c14n.equals(CanonicalizationMethod.INCLUSIVE)
                || !method.equals("http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3")
                || !digestMethod.equals("http://www.chinaport.gov.cn/2022/04/xmldsig#sm3")
                || !transform.equals("http://www.w3.org/2000/09/xmldsig#enveloped-signature")
                || !reference.getAttribute("URI").isEmpty()) {
            return new Result(false, "", null, method);
        }
        Element keyInfo = child(signature, "KeyInfo");
        String keyName = child(keyInfo, "KeyName").getTextContent();
        byte[] der = Base64.getMimeDecoder()
                .decode(child(child(keyInfo, "X509Data"), "X509Certificate").getTextContent());
        var certificate = (X509Certificate)
                CertificateFactory.getInstance("X.509", bc).generateCertificate(new ByteArrayInputStream(der));

        // Digest: the document without the Signature element, canonicalised by the JDK.
        Document withoutSignature = (Document) document.cloneNode(true);
        Element cloned = signatureOf(withoutSignature);
        cloned.getParentNode().removeChild(cloned);
        byte[] canonical = jdkC14n(serialize(withoutSignature));
        byte[] digest = MessageDigest.getInstance("SM3", bc).digest(canonical);
        String declared = child(reference, "DigestValue").getTextContent().strip();
        boolean digestOk = Base64.getEncoder().encodeToString(digest).equals(declared);

        // SignedInfo as a document subset: a standalone copy declaring every namespace in scope at it.
        Document alone =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element copy = (Element) alone.importNode(signedInfo, true);
        alone.appendChild(copy);
        for (Node n = signedInfo; n instanceof Element e; n = e.getParentNode()) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                }
            }
        }
        byte[] signedBytes = jdkC14n(serialize(alone));
        Signature sm2 = Signature.getInstance("SM3withSM2", bc);
        sm2.initVerify(certificate.getPublicKey());
        sm2.update(signedBytes);
        boolean signatureOk = sm2.verify(Base64.getMimeDecoder()
                .decode(child(signature, "SignatureValue").getTextContent()));
        return new Result(digestOk && signatureOk, keyName, certificate, method);
    }

    public static byte[] jdkC14n(byte[] xml) throws Exception {
        TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE, "DOM");
        c14n.init(null);
        var out = (OctetStreamData) c14n.transform(new OctetStreamData(new ByteArrayInputStream(xml)), null);
        try (InputStream in = out.getOctetStream()) {
            return in.readAllBytes();
        }
    }

    public static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    public static byte[] serialize(Node node) throws Exception {
        var out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(node), new StreamResult(out));
        return out.toByteArray();
    }

    public static Element signatureOf(Document document) {
        var found = document.getElementsByTagNameNS(DS, "Signature");
        if (found.getLength() != 1) throw new AssertionError("expected one ds:Signature, found " + found.getLength());
        var signature = (Element) found.item(0);
        if (signature.getParentNode() != document.getDocumentElement()) {
            throw new AssertionError("ds:Signature is not a child of the root");
        }
        return signature;
    }

    public static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no ds:" + localName + " in ds:" + parent.getLocalName());
    }

    /** Takes the key from the signature's own X509Data, as a receiver would. */
    private static final class CertificateFromKeyInfo extends KeySelector {
        X509Certificate certificate;

        @Override
        public KeySelectorResult select(
                KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            for (Object content : keyInfo.getContent()) {
                if (content instanceof X509Data data) {
                    for (Object o : (List<?>) data.getContent()) {
                        if (o instanceof X509Certificate c) {
                            certificate = c;
                            Key key = c.getPublicKey();
                            return () -> key;
                        }
                    }
                }
            }
            throw new KeySelectorException("no X509Certificate in KeyInfo");
        }
    }
}
