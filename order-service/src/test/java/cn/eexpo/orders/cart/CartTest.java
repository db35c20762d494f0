package cn.eexpo.orders.cart;

import cn.eexpo.orders.OrdersTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The cart tests: {@link OrdersTest}, sharing its application context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OrdersTest
@interface CartTest {}
