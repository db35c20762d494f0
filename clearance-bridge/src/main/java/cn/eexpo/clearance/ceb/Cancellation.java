package cn.eexpo.clearance.ceb;

import org.jspecify.annotations.Nullable;

/**
 * A CEB623 cancellation of a declared inventory list (an order cancelled before release).
 *
 * @param invtNo the customs list number (清单编号) from the CEB622 receipt
 * @param preNo the e-port pre-entry number from the receipt, if any
 * @param reason 撤单原因 (≤ 1000)
 */
public record Cancellation(String invtNo, @Nullable String preNo, String reason) {}
