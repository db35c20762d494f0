package cn.eexpo.clearance.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The keystore properties bind, the default path is under eexpo.local-dir, and a missing keystore fails late. */
class SigningConfigurationTest {

    final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(SigningConfiguration.class);

    @Test
    void startsWithoutAKeystoreAndSaysWhatIsMissingOnFirstUse(@TempDir Path dir) {
        context.withPropertyValues("eexpo.local-dir=" + dir).run(c -> {
            SigningKeyProvider provider = c.getBean(SigningKeyProvider.class);
            assertThat(provider.keystore()).isEqualTo(dir.resolve("customs-signing.p12"));
            assertThatThrownBy(provider::key).hasMessageContaining("infra/eexpo dev-keystore");
        });
    }

    @Test
    void loadsTheConfiguredKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.p12");
        DevKeystore.write(file, "s3cret".toCharArray());
        context.withPropertyValues(
                        "eexpo.clearance.signing.keystore=" + file,
                        "eexpo.clearance.signing.password=s3cret",
                        "eexpo.clearance.signing.alias=customs-rsa",
                        "eexpo.clearance.signing.algorithm=RSA_SHA1",
                        "eexpo.clearance.signing.key-name=0001")
                .run(c -> {
                    SigningKey key = c.getBean(SigningKeyProvider.class).key();
                    assertThat(key.algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA1);
                    assertThat(key.keyName()).isEqualTo("0001");
                    assertThat(c.getBean(SigningKeyProvider.class).signer()).isInstanceOf(RsaSha1Signer.class);
                });
    }
}
