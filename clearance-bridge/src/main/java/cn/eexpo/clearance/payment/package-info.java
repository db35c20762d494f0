/**
 * The payment leg of a customs filing: the {@link cn.eexpo.clearance.payment.PaymentDeclaration} port through which a
 * licensed payment partner declares payments (CEB411), and its HTTP adapter.
 */
@NullMarked
package cn.eexpo.clearance.payment;

import org.jspecify.annotations.NullMarked;
