/**
 * Orders: cart, real-name identity, tax and quota, checkout, payments, stock reservation and returns. The API is this
 * package; sub-packages are internal. Built out by the orders issue.
 */
@NullMarked
package cn.eexpo.orders;

import org.jspecify.annotations.NullMarked;
