package cn.eexpo.orders;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The orders module with the catalog it sells from (plus {@code cn.eexpo.common}), for the module's integration tests. */
@SpringBootApplication(scanBasePackages = {"cn.eexpo.orders", "cn.eexpo.catalog", "cn.eexpo.common"})
public class OrdersTestApplication {}
