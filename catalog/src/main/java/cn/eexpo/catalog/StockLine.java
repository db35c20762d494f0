package cn.eexpo.catalog;

/** Units of one product in one warehouse, as an order holds them. */
public record StockLine(String sku, String warehouseCode, int quantity) {

    public StockLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
