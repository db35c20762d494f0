/**
 * Clearance: turns paid orders into CEB filings, signs them, sends them over the customs transport and drives the
 * order's clearance status from receipts. The API is this package; sub-packages are internal. Built out by the
 * clearance issue.
 */
@NullMarked
package cn.eexpo.clearance;

import org.jspecify.annotations.NullMarked;
