package cn.eexpo;

import cn.eexpo.sandbox.customs.CustomsSimulatorInitializer;
import cn.eexpo.sandbox.stripe.StripeSandboxInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole marketplace on a random port against the real PostgreSQL, Redis, RabbitMQ and Elasticsearch that
 * {@code infra/eexpo test} starts, the Stripe sandbox and the customs simulator. One annotation so that every such test shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
        initializers = {StripeSandboxInitializer.class, CustomsSimulatorInitializer.class, TestSigningKey.class})
public @interface MarketplaceTest {}
