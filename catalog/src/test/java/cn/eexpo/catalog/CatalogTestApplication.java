package cn.eexpo.catalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The catalog module on its own (plus {@code cn.eexpo.common}), for the module's integration tests. */
@SpringBootApplication(scanBasePackages = {"cn.eexpo.catalog", "cn.eexpo.common"})
public class CatalogTestApplication {}
