package cn.eexpo.clearance.signing;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.w3c.dom.Document;

/**
 * SM2-SM3 (国密), which the JDK's XML-DSig cannot do: the digest is SM3 over the inclusive C14N of the document
 * without its signature (the enveloped transform), the signature is SM2 with SM3 over the canonical
 * {@code SignedInfo} (GM/T 0009: default user id {@code 1234567812345678}, value DER-encoded {@code SEQUENCE {r, s}}),
 * both through BouncyCastle, in the structure both algorithms share ({@link EnvelopedSignature}).
 */
final class Sm2Sm3Signer implements XmlSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final String certificate;
    private final ECPrivateKeyParameters privateKey;
    private final EnvelopedSignature.Algorithm algorithm = new EnvelopedSignature.Algorithm() {
        @Override
        public SignatureAlgorithm uris() {
            return SignatureAlgorithm.SM2_SM3;
        }

        @Override
        public byte[] digest(byte[] canonicalDocument) {
            return sm3(canonicalDocument);
        }

        @Override
        public byte[] signatureValue(byte[] canonicalSignedInfo) {
            var sm2 = new SM2Signer(); // SM3 digest, default user id 1234567812345678, DER (r, s)
            sm2.init(true, new ParametersWithRandom(privateKey, RANDOM));
            sm2.update(canonicalSignedInfo, 0, canonicalSignedInfo.length);
            try {
                return sm2.generateSignature();
            } catch (CryptoException e) {
                throw new SigningException("SM2-SM3 signing failed: " + e.getMessage(), e);
            }
        }
    };

    Sm2Sm3Signer(SigningKey key) {
        if (key.algorithm() != SignatureAlgorithm.SM2_SM3) throw new IllegalArgumentException("not an SM2 key");
        this.key = key;
        try {
            this.privateKey = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key.privateKey());
        } catch (InvalidKeyException e) {
            throw new SigningException("not a usable SM2 private key: " + e.getMessage(), e);
        }
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

    static byte[] sm3(byte[] data) {
        var digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
