/**
 * Receipt intake: customs' answers (CEB312, 412, 512, 514, 622, 624, 626, 712, 900; CEB816 tax bills and CEB818 tax
 * bill status), parsed namespace-aware (receipts often use a default namespace) and safely (no DTDs, no entities),
 * into {@link cn.eexpo.clearance.receipt.Receipt} and {@link cn.eexpo.clearance.receipt.TaxReceipt} records;
 * straight or inside a DXP envelope.
 */
@NullMarked
package cn.eexpo.clearance.receipt;

import org.jspecify.annotations.NullMarked;
