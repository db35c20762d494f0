package cn.eexpo.clearance.signing;

import cn.eexpo.clearance.xml.Canonicalizer;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The enveloped signature the customs spec prescribes (§6.2), whatever the algorithm: inclusive C14N, one
 * {@code Reference URI=""} with the enveloped-signature transform, the digest of the document without its signature,
 * the signature over the canonical {@code SignedInfo}, and {@code KeyInfo} with {@code KeyName} and
 * {@code X509Certificate}. The algorithm brings only its digest and its signature value.
 */
final class EnvelopedSignature {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    /** What an algorithm computes; a failure is a {@link SigningException}. */
    interface Algorithm {
        SignatureAlgorithm uris();

        byte[] digest(byte[] canonicalDocument);

        byte[] signatureValue(byte[] canonicalSignedInfo);
    }

    private EnvelopedSignature() {}

    /** The certificate as {@code X509Certificate} carries it: base64 in lines of 76. */
    static String certificate(SigningKey key) {
        try {
            return Base64.getMimeEncoder(76, new byte[] {(byte) 10})
                    .encodeToString(key.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new SigningException("the certificate cannot be encoded", e);
        }
    }

    /** Appends the signature to {@code document}'s root, where the message's schema places it. */
    static void sign(Document document, String keyName, String certificate, Algorithm algorithm) {
        Element root = document.getDocumentElement();
        Node next = Placement.prepare(root);

        Element signature = ds(document, "Signature");
        signature.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DS);
        Element signedInfo = append(signature, "SignedInfo");
        append(signedInfo, "CanonicalizationMethod").setAttribute("Algorithm", C14N);
        append(signedInfo, "SignatureMethod")
                .setAttribute("Algorithm", algorithm.uris().signatureMethod());
        Element reference = append(signedInfo, "Reference");
        reference.setAttribute("URI", "");
        append(append(reference, "Transforms"), "Transform").setAttribute("Algorithm", ENVELOPED);
        append(reference, "DigestMethod")
                .setAttribute("Algorithm", algorithm.uris().digestMethod());
        Element digestValue = append(reference, "DigestValue");
        Element signatureValue = append(signature, "SignatureValue");
        Element keyInfo = append(signature, "KeyInfo");
        append(keyInfo, "KeyName").setTextContent(keyName);
        append(append(keyInfo, "X509Data"), "X509Certificate").setTextContent(certificate);
        root.insertBefore(signature, next);

        // The enveloped-signature transform: the document as it would be without this Signature element.
        byte[] canonical = Canonicalizer.canonicalize(document, signature);
        digestValue.setTextContent(Base64.getEncoder().encodeToString(algorithm.digest(canonical)));
        byte[] canonicalSignedInfo = Canonicalizer.canonicalizeSubtree(signedInfo);
        signatureValue.setTextContent(
                Base64.getEncoder().encodeToString(algorithm.signatureValue(canonicalSignedInfo)));
    }

    private static Element ds(Document document, String name) {
        return document.createElementNS(DS, "ds:" + name);
    }

    private static Element append(Element parent, String name) {
        return (Element) parent.appendChild(ds(parent.getOwnerDocument(), name));
    }
}
