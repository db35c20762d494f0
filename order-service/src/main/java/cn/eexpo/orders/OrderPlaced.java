package cn.eexpo.orders;

/** An order was committed with its reservation and quota: the payment leg picks it up from the outbox. */
public record OrderPlaced(String orderNo) {}
