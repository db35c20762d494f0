package cn.eexpo.clearance;

import cn.eexpo.clearance.signing.DevKeystore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A development signing keystore written once per test JVM, and customs queues of this JVM's own so that test runs in
 * other checkouts never share them.
 */
public class CustomsTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    public static final String OUTBOUND = "eexpo.customs.outbound.test-" + SUFFIX;
    public static final String RECEIPTS = "eexpo.customs.receipts.test-" + SUFFIX;
    public static final Path KEYSTORE = keystore();

    private static Path keystore() {
        try {
            Path file = Files.createTempDirectory("eexpo-signing-").resolve("customs-signing.p12");
            DevKeystore.write(file, DevKeystore.DEFAULT_PASSWORD.toCharArray());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "customs-test",
                        Map.of(
                                "eexpo.clearance.signing.keystore", KEYSTORE.toString(),
                                "eexpo.clearance.amqp.outbound-queue", OUTBOUND,
                                "eexpo.clearance.amqp.receipt-queue", RECEIPTS)));
    }
}
