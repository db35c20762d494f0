package cn.eexpo.clearance.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Writes a development signing keystore: a PKCS#12 file with an RSA 2048 key ({@value #RSA_ALIAS}) and an SM2 key
 * ({@value #SM2_ALIAS}), each with a self-signed certificate. Customs would not accept these certificates (real ones
 * come from the e-port data centre); they let the bridge, the simulator and the tests sign and verify end to end.
 *
 * <p>Run by {@code infra/eexpo dev-keystore}: {@code DevKeystore [file] [password] [--force]}, by default
 * {@code .local/customs-signing.p12} with the password {@value #DEFAULT_PASSWORD}.
 */
public final class DevKeystore {

    public static final String RSA_ALIAS = "customs-rsa";
    public static final String SM2_ALIAS = "customs-sm2";
    public static final String DEFAULT_PASSWORD = "eexpo-dev";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevKeystore() {}

    public static void main(String[] args) throws Exception {
        boolean force = false;
        var positional = new java.util.ArrayList<String>();
        for (String arg : args) {
            if (arg.equals("--force")) force = true;
            else positional.add(arg);
        }
        Path file = Path.of(positional.isEmpty() ? ".local/customs-signing.p12" : positional.get(0));
        char[] password = (positional.size() > 1 ? positional.get(1) : DEFAULT_PASSWORD).toCharArray();
        if (Files.exists(file) && !force) {
            System.out.println("[dev-keystore] " + file + " exists, kept (--force writes a new one)");
            return;
        }
        write(file, password);
        System.out.println("[dev-keystore] wrote " + file + " with keys '" + RSA_ALIAS + "' (RSA 2048) and '"
                + SM2_ALIAS + "' (SM2), self-signed, for development only");
    }

    /** Writes a new keystore with both keys to {@code file} (parent directories created). */
    public static void write(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
        store.load(null, password);
        SigningKey rsa = rsa();
        SigningKey sm2 = sm2();
        store.setKeyEntry(RSA_ALIAS, rsa.privateKey(), password, new Certificate[] {rsa.certificate()});
        store.setKeyEntry(SM2_ALIAS, sm2.privateKey(), password, new Certificate[] {sm2.certificate()});
        if (file.toAbsolutePath().getParent() != null)
            Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "keystore-", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A throwaway development keystore (password {@value #DEFAULT_PASSWORD}) in a fresh temporary directory, deleted
     * when the JVM ends: for tests and tools that sign without {@code infra/eexpo dev-keystore}.
     */
    public static Path temporary() {
        try {
            Path file = Files.createTempDirectory("eexpo-signing-").resolve("customs-signing.p12");
            write(file, DEFAULT_PASSWORD.toCharArray());
            file.toFile().deleteOnExit();
            file.getParent().toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a development keystore", e);
        }
    }

    /** A fresh RSA 2048 key with a self-signed certificate (in memory). */
    public static SigningKey rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(pair, "SHA256withRSA", "CN=E-Expo development customs signing (RSA)");
        return SigningKeys.of(pair.getPrivate(), certificate, SignatureAlgorithm.RSA_SHA1, null);
    }

    /** A fresh SM2 key (curve sm2p256v1) with a self-signed SM3withSM2 certificate (in memory). */
    public static SigningKey sm2() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(pair, "SM3withSM2", "CN=E-Expo development customs signing (SM2)");
        return SigningKeys.of(pair.getPrivate(), certificate, SignatureAlgorithm.SM2_SM3, null);
    }

    private static X509Certificate selfSigned(KeyPair pair, String signatureAlgorithm, String commonName)
            throws GeneralSecurityException {
        X500Name subject = new X500Name(commonName + ", O=E-Expo (development), C=CN");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(63, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))),
                subject,
                pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(signatureAlgorithm)
                    .setProvider(Bc.PROVIDER)
                    .build(pair.getPrivate()));
            return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }
}
