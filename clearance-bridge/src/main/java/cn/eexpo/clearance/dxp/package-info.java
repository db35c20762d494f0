/**
 * The DXP terminal-node envelope ({@code DxpMsg}, dxp-terminal-202205.xsd) that carries a signed CEB message to the
 * e-port data exchange platform, and the {@link cn.eexpo.clearance.dxp.CustomsTransport} port that moves it (AMQP,
 * later AS2 or an HTTP relay, are adapters of that port).
 */
@NullMarked
package cn.eexpo.clearance.dxp;

import org.jspecify.annotations.NullMarked;
