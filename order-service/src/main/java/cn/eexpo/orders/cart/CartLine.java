package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;
import java.time.Instant;

/** Units of one product in a cart, and when the line was first added (lines are shown in that order). */
public record CartLine(Sku sku, int quantity, Instant added) {}
