package cn.eexpo.clearance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The clearance module with the orders and catalog it files from, for the module's integration tests. */
@SpringBootApplication(
        scanBasePackages = {"cn.eexpo.clearance", "cn.eexpo.orders", "cn.eexpo.catalog", "cn.eexpo.common"})
public class ClearanceTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClearanceTestApplication.class, args);
    }
}
