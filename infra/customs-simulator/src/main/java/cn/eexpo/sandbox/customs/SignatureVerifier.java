package cn.eexpo.sandbox.customs;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.Key;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.Data;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.NodeSetData;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The simulator's own check of the enveloped XML-DSig on a CEB message, independent of the bridge's signing code:
 * RSA-SHA1 through the JDK's {@code javax.xml.crypto.dsig} core validation; SM2-SM3 by recomputing the SM3 digest of
 * the JDK-canonicalised document without its signature and checking the SM2 signature of the canonical SignedInfo
 * with BouncyCastle. The certificate comes from KeyInfo; with trusted certificates configured it must be one of them.
 */
final class SignatureVerifier {

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String SM2_SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3";
    static final String SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    private static final Provider BC = new BouncyCastleProvider();

    /**
     * A parser per consumer thread: {@code DocumentBuilderFactory.newInstance()} searches the class path for
     * providers on every call, which cost the simulator a fifth of its CPU.
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(SignatureVerifier::parser);

    private static final int MAX_SIGNERS = 64;

    private final List<X509Certificate> trusted;
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();

    SignatureVerifier(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** Why the signature does not verify, or {@code null} when it does. */
    @Nullable
    String problem(byte[] xml) {
        try {
            return problem(parse(xml));
        } catch (Exception e) {
            return "signature unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Why the signature of a parsed (namespace-aware) message does not verify, or {@code null} when it does; the
     * document is left as it is.
     */
    @Nullable
    String problem(Document document) {
        try {
            var found = document.getElementsByTagNameNS(DS, "Signature");
            if (found.getLength() == 0) return "报文未签名 (no ds:Signature)";
            if (found.getLength() > 1) return "报文含多个签名 (more than one ds:Signature)";
            Element signature = (Element) found.item(0);
            if (signature.getParentNode() != document.getDocumentElement()) {
                return "ds:Signature is not a child of the root element";
            }
            Element signedInfo = child(signature, "SignedInfo");
            String method = child(signedInfo, "SignatureMethod").getAttribute("Algorithm");
            return switch (method) {
                case RSA_SHA1 -> rsa(signature);
                case SM2_SM3 -> sm2(document, signature, signedInfo);
                default -> "unsupported SignatureMethod " + method;
            };
        } catch (Exception e) {
            return "signature unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private @Nullable String rsa(Element signature) throws Exception {
        var selector = new CertificateFromKeyInfo();
        var context = new DOMValidateContext(selector, signature);
        // The JDK's secure validation forbids SHA-1 since JDK 17; customs prescribes exactly that.
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        var reference = (javax.xml.crypto.dsig.Reference)
                xmlSignature.getSignedInfo().getReferences().getFirst();
        if (!reference.getURI().isEmpty()) return "Reference URI must be \"\"";
        if (!xmlSignature.validate(context)) return "RSA-SHA1 signature or digest does not match";
        return untrusted(selector.certificate);
    }

    private @Nullable String sm2(Document document, Element signature, Element signedInfo) throws Exception {
        Element reference = child(signedInfo, "Reference");
        String c14n = child(signedInfo, "CanonicalizationMethod").getAttribute("Algorithm");
        String digestMethod = child(reference, "DigestMethod").getAttribute("Algorithm");
        String transform = child(child(reference, "Transforms"), "Transform").getAttribute("Algorithm");
        if (!c14n.equals(CanonicalizationMethod.INCLUSIVE)) return "CanonicalizationMethod must be C14N 1.0";
        if (!digestMethod.equals(SM3)) return "DigestMethod must be " + SM3 + " with sm2-sm3";
        if (!transform.equals(ENVELOPED)) return "Transform must be enveloped-signature";
        if (!reference.getAttribute("URI").isEmpty()) return "Reference URI must be \"\"";
        Element keyInfo = child(signature, "KeyInfo");
        Signer signer =
                signer(child(child(keyInfo, "X509Data"), "X509Certificate").getTextContent());

        // The enveloped-signature transform: the document's nodes without this Signature's, canonicalised as the
        // XPath node-set the transform yields (the JDK's C14N takes it as it is: no copy, no second parse).
        byte[] canonical = c14n(subtree(document, signature));
        byte[] digest = MessageDigest.getInstance("SM3", BC).digest(canonical);
        String declared = child(reference, "DigestValue").getTextContent().strip();
        if (!Base64.getEncoder().encodeToString(digest).equals(declared)) return "SM3 digest does not match";

        // SignedInfo canonicalised as a document subset: its own nodes, the namespaces in scope rendered on it.
        Signature sm2 = Signature.getInstance("SM3withSM2", BC);
        sm2.initVerify(signer.key());
        sm2.update(c14n(subtree(signedInfo, null)));
        boolean ok = sm2.verify(Base64.getMimeDecoder()
                .decode(child(signature, "SignatureValue").getTextContent()));
        if (!ok) return "SM2 signature does not match";
        return untrusted(signer.certificate());
    }

    /** A signing certificate as read from KeyInfo, and its public key. */
    private record Signer(X509Certificate certificate, PublicKey key) {}

    /**
     * The certificate a KeyInfo carries, read once per distinct certificate: senders sign with a handful of
     * certificates, and decoding one per message took 7 % of the simulator's consumer threads in a profile.
     */
    private Signer signer(String base64) throws CertificateException {
        Signer known = signers.get(base64);
        if (known != null) return known;
        var certificate = (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        var signer = new Signer(certificate, certificate.getPublicKey());
        if (signers.size() >= MAX_SIGNERS) signers.clear(); // a flood of certificates: start again
        signers.put(base64, signer);
        return signer;
    }

    private @Nullable String untrusted(@Nullable X509Certificate certificate) {
        if (trusted.isEmpty()) return null;
        if (certificate != null && trusted.contains(certificate)) return null;
        return "the signing certificate is not trusted";
    }

    private static byte[] c14n(Data data) throws Exception {
        TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE, "DOM");
        c14n.init(null);
        var out = (OctetStreamData) c14n.transform(data, null);
        try (InputStream in = out.getOctetStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * The XPath node-set of {@code root}'s subtree (attributes and namespace declarations included) without
     * {@code excluded}'s; the C14N of a node-set renders the namespaces in scope on its topmost elements.
     */
    private static NodeSetData<Node> subtree(Node root, @Nullable Node excluded) {
        List<Node> nodes = new ArrayList<>();
        var pending = new ArrayDeque<Node>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node == excluded) continue;
            nodes.add(node);
            NamedNodeMap attributes = node.getAttributes();
            if (attributes != null) {
                for (int i = 0; i < attributes.getLength(); i++) nodes.add(attributes.item(i));
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPreviousSibling()) {
                pending.push(child);
            }
        }
        return nodes::iterator;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilder parser = PARSER.get();
        parser.reset();
        return parser.parse(new ByteArrayInputStream(xml));
    }

    private static DocumentBuilder parser() {
        try {
            var factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no ds:" + localName + " in ds:" + parent.getLocalName());
    }

    /** The key from the signature's own X509Data, as customs reads it. */
    private static final class CertificateFromKeyInfo extends KeySelector {
        @Nullable
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
