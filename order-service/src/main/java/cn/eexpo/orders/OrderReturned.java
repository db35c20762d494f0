package cn.eexpo.orders;

/**
 * A released order's goods came back to the bonded area: customs is asked to refund its tax (CEB625). The whole order
 * is returned; no personal data.
 */
public record OrderReturned(String orderNo, String cause) {}
