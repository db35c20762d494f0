package cn.eexpo.orders.payment;

import com.stripe.StripeClient;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    StripeClient stripeClient(StripeProperties properties) {
        if (properties.secretKey() == null || properties.secretKey().isBlank()) {
            throw new IllegalStateException("No Stripe key: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or run"
                    + " `infra/eexpo run`, which starts the local Stripe sandbox and points the application at it.");
        }
        var builder = StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setMaxNetworkRetries(properties.retries())
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                .setReadTimeout(20_000)
                .setHttpClient(new StripeHttpTransport(CONNECT_TIMEOUT));
        if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
            builder.setApiBase(properties.apiBase());
        }
        return builder.build();
    }
}
