package cn.eexpo.catalog.product;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/catalog/products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** A listed product with its customs facts, from PostgreSQL (works while search is down). */
    @GetMapping("/{sku}")
    ProductDetails product(@PathVariable String sku) {
        return catalog.find(Sku.of(sku))
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no listed product has the SKU " + sku));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
