package cn.eexpo.catalog.product;

import cn.eexpo.catalog.ProductAdministration;
import cn.eexpo.catalog.ProductsChanged;
import cn.eexpo.catalog.Sku;
import cn.eexpo.common.Money;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcProductAdministration implements ProductAdministration {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcProductAdministration(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void changePrice(Sku sku, Money price) {
        if (price.fen() <= 0) {
            throw new IllegalArgumentException("a price is above 0");
        }
        changed(
                sku,
                jdbc.sql("update product set price_fen = :fen, updated_at = now() where sku = :sku")
                        .param("fen", price.fen())
                        .param("sku", sku.value())
                        .update());
    }

    @Override
    public void changeStatus(Sku sku, Status status) {
        changed(
                sku,
                jdbc.sql("update product set status = :status, updated_at = now() where sku = :sku")
                        .param("status", status.name())
                        .param("sku", sku.value())
                        .update());
    }

    private void changed(Sku sku, int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException("no product has the SKU " + sku);
        }
        events.publishEvent(new ProductsChanged(List.of(sku.value())));
    }
}
