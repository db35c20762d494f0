package cn.eexpo.sandbox.stripe;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For Spring Boot tests: points the application at one Stripe sandbox for the whole test JVM, and the sandbox's webhooks at the application
 * once its random port is known.
 */
public class StripeSandboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final StripeSandbox SANDBOX = StripeSandbox.start(
            StripeSandbox.Options.defaults().withWebhookRetries(Duration.ofMillis(100), Duration.ofSeconds(1), 20));

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "stripe-sandbox",
                        Map.of(
                                "eexpo.stripe.api-base", SANDBOX.baseUrl(),
                                "eexpo.stripe.secret-key", SANDBOX.secretKey(),
                                "eexpo.stripe.webhook-secret", SANDBOX.webhookSecret())));
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof WebServerInitializedEvent started) {
                SANDBOX.setWebhookUrl(
                        "http://127.0.0.1:" + started.getWebServer().getPort() + "/api/v1/payments/stripe/webhook");
            }
        });
    }
}
