package cn.eexpo.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The catalog module on its own (plus {@code cn.eexpo.common}), as the benchmark runs it. */
@SpringBootApplication(scanBasePackages = {"cn.eexpo.catalog", "cn.eexpo.common"})
class BenchmarkApplication {}
