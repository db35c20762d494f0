package cn.eexpo.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Orders, catalog and the clearance bridge, as the end-to-end clearance benchmark runs them. */
@SpringBootApplication(
        scanBasePackages = {"cn.eexpo.orders", "cn.eexpo.catalog", "cn.eexpo.common", "cn.eexpo.clearance"})
class ClearanceBenchmarkApplication {}
