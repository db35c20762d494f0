/**
 * The customs transport over AMQP (RabbitMQ): DXP envelopes out with publisher confirms, receipts in. An adapter of
 * {@link cn.eexpo.clearance.dxp.CustomsTransport}; AS2 or an HTTP relay would be others.
 */
@NullMarked
package cn.eexpo.clearance.amqp;

import org.jspecify.annotations.NullMarked;
