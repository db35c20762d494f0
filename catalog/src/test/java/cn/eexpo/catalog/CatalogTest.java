package cn.eexpo.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The catalog module alone on a random port, against real PostgreSQL and Elasticsearch, with the demo catalog loaded
 * on first start. One annotation so that these tests share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CatalogTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface CatalogTest {}
