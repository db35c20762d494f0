package cn.eexpo.clearance;

import cn.eexpo.clearance.signing.DevKeystore;
import java.nio.file.Path;
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
    public static final Path KEYSTORE = DevKeystore.temporary();

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
