package cn.eexpo.clearance.signing;

import cn.eexpo.clearance.xml.Canonicalizer;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import javax.xml.XMLConstants;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SM2-SM3 (国密), which the JDK's XML-DSig cannot do: the digest is SM3 over the inclusive C14N of the document
 * without its signature (the enveloped transform), the signature is SM2 with SM3 over the canonical
 * {@code SignedInfo} (GM/T 0009: default user id {@code 1234567812345678}, value DER-encoded {@code SEQUENCE {r, s}}),
 * both through BouncyCastle. The element structure is the spec's (§6.2).
 */
final class Sm2Sm3Signer implements XmlSigner {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final String certificate;
    private final ECPrivateKeyParameters privateKey;

    Sm2Sm3Signer(SigningKey key) {
        if (key.algorithm() != SignatureAlgorithm.SM2_SM3) throw new IllegalArgumentException("not an SM2 key");
        this.key = key;
        try {
            this.privateKey = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key.privateKey());
        } catch (InvalidKeyException e) {
            throw new SigningException("not a usable SM2 private key: " + e.getMessage(), e);
        }
        try {
            this.certificate = Base64.getMimeEncoder(76, new byte[] {(byte) 10})
                    .encodeToString(key.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new SigningException("the certificate cannot be encoded", e);
        }
    }

    @Override
    public SigningKey key() {
        return key;
    }

    @Override
    public void sign(Document document) {
        Element root = document.getDocumentElement();
        Node next = Placement.prepare(root);

        Element signature = ds(document, "Signature");
        signature.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DS);
        Element signedInfo = append(signature, "SignedInfo");
        append(signedInfo, "CanonicalizationMethod").setAttribute("Algorithm", C14N);
        append(signedInfo, "SignatureMethod").setAttribute("Algorithm", SignatureAlgorithm.SM2_SM3.signatureMethod());
        Element reference = append(signedInfo, "Reference");
        reference.setAttribute("URI", "");
        append(append(reference, "Transforms"), "Transform").setAttribute("Algorithm", ENVELOPED);
        append(reference, "DigestMethod").setAttribute("Algorithm", SignatureAlgorithm.SM2_SM3.digestMethod());
        Element digestValue = append(reference, "DigestValue");
        Element signatureValue = append(signature, "SignatureValue");
        Element keyInfo = append(signature, "KeyInfo");
        append(keyInfo, "KeyName").setTextContent(key.keyName());
        append(append(keyInfo, "X509Data"), "X509Certificate").setTextContent(certificate);
        root.insertBefore(signature, next);

        // The enveloped-signature transform: the document as it would be without this Signature element.
        byte[] canonical = Canonicalizer.canonicalize(document, signature);
        digestValue.setTextContent(Base64.getEncoder().encodeToString(sm3(canonical)));
        byte[] canonicalSignedInfo = Canonicalizer.canonicalizeSubtree(signedInfo);
        var sm2 = new SM2Signer(); // SM3 digest, default user id 1234567812345678, DER (r, s)
        sm2.init(true, new ParametersWithRandom(privateKey, RANDOM));
        sm2.update(canonicalSignedInfo, 0, canonicalSignedInfo.length);
        try {
            signatureValue.setTextContent(Base64.getEncoder().encodeToString(sm2.generateSignature()));
        } catch (CryptoException e) {
            throw new SigningException("SM2-SM3 signing failed: " + e.getMessage(), e);
        }
    }

    static byte[] sm3(byte[] data) {
        var digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static Element ds(Document document, String name) {
        return document.createElementNS(DS, "ds:" + name);
    }

    private static Element append(Element parent, String name) {
        return (Element) parent.appendChild(ds(parent.getOwnerDocument(), name));
    }
}
