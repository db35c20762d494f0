/**
 * The platform's "179" payment raw-data upload (海关总署公告2018年第165号/第179号): when customs asks for an order's
 * payment data ({@code platDataOpen}), the platform answers by posting {@code payExInfoStr} to the customs
 * {@code realTimeDataUpload} service, signed over a {@code ||}-joined text of its top-level nodes. This package
 * builds that JSON and the text to sign, and signs it; the HTTP call is behind
 * {@link cn.eexpo.clearance.pay179.PaymentRawDataUpload}.
 */
@NullMarked
package cn.eexpo.clearance.pay179;

import org.jspecify.annotations.NullMarked;
