package cn.eexpo.orders.account;

import org.jspecify.annotations.Nullable;

/** What an address is made of, as a buyer types it; {@link AddressRules} checks it. */
public record AddressDetails(
        @Nullable String name,
        @Nullable String phone,
        @Nullable String province,
        @Nullable String city,
        @Nullable String district,
        @Nullable String address) {}
