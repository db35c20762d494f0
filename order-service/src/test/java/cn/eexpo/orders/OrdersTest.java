package cn.eexpo.orders;

import cn.eexpo.sandbox.stripe.StripeSandboxInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The orders module (with the catalog) on a random port, against the real PostgreSQL, Redis and Elasticsearch that
 * {@code infra/eexpo} starts, with the demo catalog loaded on first start. One annotation so that these tests share one
 * application context. Stripe is the sandbox from {@code infra/stripe-sandbox}, started once for the test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OrdersTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StripeSandboxInitializer.class)
public @interface OrdersTest {}
