package cn.eexpo.orders.cart;

import cn.eexpo.orders.OrdersTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/** {@link OrdersTest} with test accounts while the module has none: one application context for the cart tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OrdersTest
@ImportAutoConfiguration(FallbackTestAccounts.class)
@interface CartTest {}
