package cn.eexpo.clearance.signing;

import org.w3c.dom.Document;

/**
 * Signs a CEB message in place: appends an enveloped {@code ds:Signature} as the root element's last child.
 * Implementations are thread-safe.
 */
public sealed interface XmlSigner permits RsaSha1Signer, Sm2Sm3Signer {

    void sign(Document document);

    SigningKey key();

    /** The signer for {@code key}'s algorithm. */
    static XmlSigner of(SigningKey key) {
        return switch (key.algorithm()) {
            case RSA_SHA1 -> new RsaSha1Signer(key);
            case SM2_SM3 -> new Sm2Sm3Signer(key);
        };
    }
}
