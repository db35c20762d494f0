/**
 * The way out: {@link cn.eexpo.clearance.outgoing.OutgoingMessages} builds, signs and validates each message
 * against the official XSD, wraps it in a validated DXP envelope and hands it to the
 * {@link cn.eexpo.clearance.dxp.CustomsTransport}. A message that breaks a customs rule or the schema is never sent:
 * it goes to the {@link cn.eexpo.clearance.outgoing.DeadLetters} with the reason, for operators.
 */
@NullMarked
package cn.eexpo.clearance.outgoing;

import org.jspecify.annotations.NullMarked;
