package cn.eexpo.clearance.signing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import org.w3c.dom.Document;

/**
 * RSA-SHA1 (通用算法): the SHA-1 digest of the document without its signature, and {@code SHA1withRSA} (PKCS #1 v1.5)
 * over the canonical {@code SignedInfo}, in the structure both algorithms share ({@link EnvelopedSignature}). Written
 * directly rather than through the JDK's XML-DSig API, which cost about as much again as the RSA operation itself;
 * the tests verify the result with that API.
 */
final class RsaSha1Signer implements XmlSigner {

    private final SigningKey key;
    private final String certificate;
    private final EnvelopedSignature.Algorithm algorithm = new EnvelopedSignature.Algorithm() {
        @Override
        public SignatureAlgorithm uris() {
            return SignatureAlgorithm.RSA_SHA1;
        }

        @Override
        public byte[] digest(byte[] canonicalDocument) {
            try {
                return MessageDigest.getInstance("SHA-1").digest(canonicalDocument);
            } catch (GeneralSecurityException e) {
                throw new SigningException("SHA-1 is not available: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] signatureValue(byte[] canonicalSignedInfo) {
            try {
                Signature rsa = Signature.getInstance("SHA1withRSA");
                rsa.initSign(key.privateKey());
                rsa.update(canonicalSignedInfo);
                return rsa.sign();
            } catch (GeneralSecurityException e) {
                throw new SigningException("RSA-SHA1 signing failed: " + e.getMessage(), e);
            }
        }
    };

    RsaSha1Signer(SigningKey key) {
        if (key.algorithm() != SignatureAlgorithm.RSA_SHA1) throw new IllegalArgumentException("not an RSA-SHA1 key");
        this.key = key;
        this.certificate = EnvelopedSignature.certificate(key);
    }

    @Override
    public SigningKey key() {
        return key;
    }

    @Override
    public void sign(Document document) {
        EnvelopedSignature.sign(document, key.keyName(), certificate, algorithm);
    }
}
