package cn.eexpo.sandbox.customs;

import cn.eexpo.clearance.ceb.AppType;
import cn.eexpo.clearance.ceb.BaseTransfer;
import cn.eexpo.clearance.ceb.CebMessage;
import cn.eexpo.clearance.ceb.CebMessages;
import cn.eexpo.clearance.ceb.CodeTables;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.Filing.Buyer;
import cn.eexpo.clearance.ceb.Filing.Clearance;
import cn.eexpo.clearance.ceb.Filing.Consignee;
import cn.eexpo.clearance.ceb.Filing.Enterprise;
import cn.eexpo.clearance.ceb.Filing.Line;
import cn.eexpo.clearance.ceb.Filing.Payment;
import cn.eexpo.clearance.ceb.Filing.TradeMode;
import cn.eexpo.clearance.ceb.IdNumber;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.outgoing.OutgoingMessages;
import cn.eexpo.clearance.signing.DevKeystore;
import cn.eexpo.clearance.signing.XmlSigner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Filings, signed messages and envelopes as the bridge makes them, built with the bridge's public classes. */
final class Fixtures {

    static final String DXP_ID = "DXPENT0000012345";
    static final BaseTransfer SENDER = BaseTransfer.dxp("4101660000", "郑州E贸易科技有限公司", DXP_ID);
    static final String EBP = "4101660000";
    static final CebMessages MESSAGES = new CebMessages(SENDER, CodeTables.bundled(), Clock.systemUTC());

    private static XmlSigner rsa;
    private static XmlSigner sm2;

    private Fixtures() {}

    static synchronized XmlSigner rsa() {
        try {
            if (rsa == null) rsa = XmlSigner.of(DevKeystore.rsa());
            return rsa;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized XmlSigner sm2() {
        try {
            if (sm2 == null) sm2 = XmlSigner.of(DevKeystore.sm2());
            return sm2;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String orderNo() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase(Locale.ROOT);
    }

    /** A random resident ID number with a valid GB 11643 check digit. */
    static String idNumber() {
        StringBuilder id = new StringBuilder("41010519");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        id.append(70 + random.nextInt(30))
                .append(String.format("%02d", 1 + random.nextInt(12)))
                .append(String.format("%02d", 1 + random.nextInt(28)))
                .append(String.format("%03d", random.nextInt(1000)));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (id.charAt(i) - '0') * weights[i];
        return id.append("10X98765432".charAt(sum % 11)).toString();
    }

    record Item(String price, int qty) {}

    /** Two lines, 220 × 1 and 30 × 2: goods 280, freight 10, tax 25.48, paid 315.48. */
    static Filing bonded(String orderNo, String idNumber) {
        return filing(orderNo, idNumber, List.of(new Item("220.00", 1), new Item("30.00", 2)));
    }

    static Filing filing(String orderNo, String idNumber, List<Item> items) {
        List<Line> lines = new ArrayList<>();
        BigDecimal goods = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            BigDecimal price = new BigDecimal(item.price());
            BigDecimal qty = BigDecimal.valueOf(item.qty());
            BigDecimal total = price.multiply(qty);
            goods = goods.add(total);
            lines.add(new Line(
                    i + 1,
                    "SKU-" + (i + 1),
                    "爱他美婴儿配方奶粉3段900g",
                    "900g/罐,3段,牛奶蛋白",
                    null,
                    "1901101010",
                    "122",
                    qty,
                    "035",
                    new BigDecimal("0.9").multiply(qty),
                    null,
                    null,
                    price,
                    total,
                    "304",
                    "ITEM00000" + (i + 1)));
        }
        BigDecimal freight = new BigDecimal("10.00");
        BigDecimal tax = goods.multiply(new BigDecimal("0.091")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal paid = goods.add(freight).add(tax);
        String tail = orderNo.substring(Math.max(0, orderNo.length() - 16));
        return new Filing(
                orderNo,
                new Enterprise(EBP, "郑州E贸易科技有限公司"),
                new Enterprise("4101960001", "河南保税直供商贸有限公司"),
                "142",
                goods,
                freight,
                BigDecimal.ZERO,
                tax,
                paid,
                new Buyer("u-100234", "张三", "13800138000", new IdNumber(idNumber)),
                new Consignee("张三", "13800138000", "河南省郑州市金水区花园路100号", "410105"),
                new Payment(new Enterprise("4403169D3W", "财付通支付科技有限公司"), "PAY" + tail),
                new Clearance(
                        TradeMode.BONDED_1210,
                        "EX" + tail,
                        new Enterprise("4101980002", "河南邮政速递物流有限公司"),
                        "EY" + tail,
                        "4101960001",
                        "T4612W000123",
                        "4612",
                        "4612",
                        new Enterprise("4101980009", "郑州报关服务有限公司"),
                        new Enterprise("4101930088", "河南保税物流中心仓储有限公司"),
                        "W",
                        null,
                        null,
                        null,
                        "142",
                        freight,
                        BigDecimal.ZERO,
                        new BigDecimal("1.45"),
                        new BigDecimal("1.20"),
                        LocalDate.of(2026, 11, 28)),
                lines);
    }

    /** The CEB311 and CEB621 of a filing, signed (RSA unless asked) and validated, as the bridge sends them. */
    static Signed signed(CebMessage message, XmlSigner signer) {
        return new Signed(message, OutgoingMessages.sign(message, signer).xml());
    }

    static List<Signed> filingMessages(Filing filing, AppType appType, XmlSigner signer) {
        var built = MESSAGES.filing(filing, appType);
        return List.of(signed(built.order(), signer), signed(built.inventory(), signer));
    }

    record Signed(CebMessage message, byte[] xml) {
        String guid() {
            return message.guid();
        }

        String msgType() {
            return message.type().rootName();
        }

        /** The DXP envelope: CopMsgId = the message guid, as OutgoingMessages does. */
        byte[] envelope() {
            return Fixtures.envelope(guid(), msgType(), xml);
        }
    }

    static byte[] envelope(String copMsgId, String msgType, byte[] data) {
        return DxpEnvelope.write(new DxpMessage(
                copMsgId,
                DXP_ID,
                List.of(DxpEnvelope.CUSTOMS_IMPORT),
                LocalDateTime.now(CebMessages.CHINA),
                msgType,
                data,
                null));
    }

    /** The partner API's JSON for a filing's payment. */
    static String paymentJson(Filing filing, String amount) {
        return """
                {"orderNo":"%s","ebpCode":"%s","payCode":"4403169D3W","payTransactionId":"%s",
                 "payerName":"%s","payerIdNumber":"%s","amountPaid":"%s","currency":"142",
                 "paidAt":"2026-11-28T10:00:00Z"}""".formatted(
                        filing.orderNo(),
                        EBP,
                        filing.payment().transactionId(),
                        filing.buyer().name(),
                        filing.buyer().idNumber().value(),
                        amount);
    }
}
