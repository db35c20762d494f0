package cn.eexpo;

import cn.eexpo.clearance.signing.DevKeystore;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Customs messages in the tests are signed with a throwaway development keystore, one per test JVM. */
public class TestSigningKey implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final Path KEYSTORE = DevKeystore.temporary();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-signing-key", Map.of("eexpo.clearance.signing.keystore", KEYSTORE.toString())));
    }
}
