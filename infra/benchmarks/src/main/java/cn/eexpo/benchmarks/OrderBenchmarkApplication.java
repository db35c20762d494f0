package cn.eexpo.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The orders module with the catalog it sells from, as the order benchmark runs it. */
@SpringBootApplication(scanBasePackages = {"cn.eexpo.orders", "cn.eexpo.catalog", "cn.eexpo.common"})
class OrderBenchmarkApplication {}
