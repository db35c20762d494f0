package cn.eexpo.storefront.product;

/** No listed product has the SKU of a product page's URL: the router shows {@link ProductNotFound} with status 404. */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(String sku) {
        super(sku);
    }

    /** The SKU as the URL gave it. */
    public String sku() {
        return getMessage() == null ? "" : getMessage();
    }
}
