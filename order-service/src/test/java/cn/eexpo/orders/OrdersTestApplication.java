package cn.eexpo.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The orders module with the catalog it sells from (plus {@code cn.eexpo.common}), for the module's integration tests;
 * also started as a separate process by the crash test.
 */
@SpringBootApplication(scanBasePackages = {"cn.eexpo.orders", "cn.eexpo.catalog", "cn.eexpo.common"})
public class OrdersTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersTestApplication.class, args);
    }
}
