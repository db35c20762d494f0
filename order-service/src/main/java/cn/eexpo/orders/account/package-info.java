/**
 * Consumer accounts and sign-in. Part of the orders module's {@code shop} interface: what the storefront's views use. Types of it that are
 * public only for other packages of this module say so in their documentation.
 */
@NamedInterface("shop")
package cn.eexpo.orders.account;

import org.springframework.modulith.NamedInterface;
