/**
 * China Customs CBEC import messages (海关跨境电商统一版, 202205): the message models in the XSD's shape
 * ({@link cn.eexpo.clearance.ceb.Ceb311Message} order, {@link cn.eexpo.clearance.ceb.Ceb621Message} inventory list,
 * {@link cn.eexpo.clearance.ceb.Ceb623Message} cancellation, {@link cn.eexpo.clearance.ceb.Ceb625Message} refund),
 * the {@link cn.eexpo.clearance.ceb.Filing} input a paid order becomes, the domain rules checked before building
 * ({@link cn.eexpo.clearance.ceb.FilingRules}), the builders ({@link cn.eexpo.clearance.ceb.CebMessages}), the XML
 * writer and reader ({@link cn.eexpo.clearance.ceb.CebXml}) and XSD validation
 * ({@link cn.eexpo.clearance.ceb.CebSchema}). Pure Java: no Spring, thread-safe.
 */
@NullMarked
package cn.eexpo.clearance.ceb;

import org.jspecify.annotations.NullMarked;
