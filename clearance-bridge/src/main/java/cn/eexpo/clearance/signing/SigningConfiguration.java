package cn.eexpo.clearance.signing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The signing key from {@code eexpo.clearance.signing.*}; the only Spring part of the message layer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class SigningConfiguration {

    @Bean
    SigningKeyProvider signingKeyProvider(SigningProperties properties, Environment environment) {
        Path keystore = properties.keystore() != null
                ? properties.keystore()
                : Path.of(environment.getProperty("eexpo.local-dir", ".local"), "customs-signing.p12");
        return new SigningKeyProvider(keystore, properties);
    }
}
