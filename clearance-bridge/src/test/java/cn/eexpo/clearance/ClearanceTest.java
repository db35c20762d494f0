package cn.eexpo.clearance;

import cn.eexpo.sandbox.stripe.StripeSandboxInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The clearance module with orders and catalog on a random port, against the real PostgreSQL, Redis, RabbitMQ and
 * Elasticsearch; Stripe is the sandbox, the signing key a fresh development keystore, and the customs queues are this
 * JVM's own (the test plays customs on them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ClearanceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {StripeSandboxInitializer.class, CustomsTestInitializer.class})
public @interface ClearanceTest {}
