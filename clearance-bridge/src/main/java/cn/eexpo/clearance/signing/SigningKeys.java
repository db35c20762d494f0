package cn.eexpo.clearance.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.jspecify.annotations.Nullable;

/** Loads the signing key and certificate from a PKCS#12 keystore (read with BouncyCastle: it holds SM2 keys too). */
public final class SigningKeys {

    private SigningKeys() {}

    /**
     * The key under {@code alias}.
     *
     * @param algorithm the method to sign with; {@code null} infers it from the key (RSA → RSA_SHA1, an EC key on
     *     the SM2 curve → SM2_SM3). When given it must fit the key.
     * @param keyName the {@code ds:KeyName}; {@code null} or blank for the certificate's serial number in hex
     * @throws IllegalArgumentException when the keystore, the alias or the key is not usable, saying why
     */
    public static SigningKey load(
            Path keystore,
            char[] password,
            String alias,
            @Nullable SignatureAlgorithm algorithm,
            @Nullable String keyName) {
        if (!Files.isReadable(keystore)) {
            throw new IllegalArgumentException("no signing keystore at " + keystore.toAbsolutePath()
                    + ": set eexpo.clearance.signing.keystore, or run infra/eexpo dev-keystore for a development one");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the signing keystore " + keystore + " cannot be read (wrong password?): " + e.getMessage(), e);
        }
        try {
            if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException("the signing keystore " + keystore + " has no key named '" + alias
                        + "' (it has " + java.util.Collections.list(store.aliases()) + ")");
            }
            PrivateKey privateKey = (PrivateKey) store.getKey(alias, password);
            if (!(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new IllegalArgumentException("the key '" + alias + "' has no X.509 certificate");
            }
            return of(privateKey, certificate, algorithm, keyName);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key '" + alias + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** A key from its parts; the algorithm inferred or checked as in {@link #load}. */
    public static SigningKey of(
            PrivateKey privateKey,
            X509Certificate certificate,
            @Nullable SignatureAlgorithm algorithm,
            @Nullable String keyName) {
        SignatureAlgorithm fits = algorithmOf(certificate.getPublicKey());
        if (algorithm != null && algorithm != fits) {
            throw new IllegalArgumentException(
                    "the signing key is a " + fits + " key, but " + algorithm + " was configured");
        }
        String name = keyName == null || keyName.isBlank() ? SigningKey.serialName(certificate) : keyName;
        return new SigningKey(privateKey, certificate, fits, name);
    }

    static SignatureAlgorithm algorithmOf(PublicKey key) {
        if ("RSA".equals(key.getAlgorithm())) return SignatureAlgorithm.RSA_SHA1;
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        ASN1Encodable curve = info.getAlgorithm().getParameters();
        if (GMObjectIdentifiers.sm2p256v1.equals(curve)) return SignatureAlgorithm.SM2_SM3;
        throw new IllegalArgumentException("the signing key is neither RSA nor SM2 (sm2p256v1) but "
                + key.getAlgorithm() + " " + curve + ": customs accepts RSA-SHA1 and SM2-SM3 only");
    }
}
