package cn.eexpo.clearance.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key with its certificate and the method it signs with. {@code keyName} goes into {@code ds:KeyName}
 * (and is the 179 upload's {@code certNo}): the certificate's number as the e-port issued it, by default its serial
 * number in upper-case hex.
 */
public record SigningKey(
        PrivateKey privateKey, X509Certificate certificate, SignatureAlgorithm algorithm, String keyName) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyName, "keyName");
    }

    /** The certificate serial number in upper-case hex: the default {@code KeyName}. */
    public static String serialName(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm + ", keyName=" + keyName + ", subject="
                + certificate.getSubjectX500Principal().getName() + "]";
    }
}
