package cn.eexpo.orders.quota;

import cn.eexpo.common.Money;

/** A buyer's annual cross-border retail quota for one calendar year (Asia/Shanghai). */
public record QuotaStatus(int year, Money limit, Money used, Money remaining) {}
