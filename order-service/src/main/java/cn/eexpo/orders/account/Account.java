package cn.eexpo.orders.account;

/** A consumer's account: what signs in, owns carts and orders, and may carry one real-name identity. */
public record Account(long id, String email, String displayName) {}
