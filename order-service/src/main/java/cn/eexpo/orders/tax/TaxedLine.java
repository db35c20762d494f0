package cn.eexpo.orders.tax;

import cn.eexpo.common.Money;

/** A line with its value (unit price × quantity), its share of the freight and its tax, rounded to the fen. */
public record TaxedLine(TaxableLine line, Money value, Money freightShare, Money tax) {}
