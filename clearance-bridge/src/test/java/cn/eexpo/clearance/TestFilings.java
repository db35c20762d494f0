package cn.eexpo.clearance;

import cn.eexpo.clearance.ceb.BaseTransfer;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.Filing.Buyer;
import cn.eexpo.clearance.ceb.Filing.Clearance;
import cn.eexpo.clearance.ceb.Filing.Consignee;
import cn.eexpo.clearance.ceb.Filing.Enterprise;
import cn.eexpo.clearance.ceb.Filing.Line;
import cn.eexpo.clearance.ceb.Filing.Payment;
import cn.eexpo.clearance.ceb.Filing.TradeMode;
import cn.eexpo.clearance.ceb.IdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Filings as the filing workflow would make them: a bonded (1210) order from Zhengzhou and a direct (9610) one. */
public final class TestFilings {

    public static final BaseTransfer SENDER = BaseTransfer.dxp("4101660000", "郑州E贸易科技有限公司", "DXPENT0000012345");
    public static final String ID_NUMBER = "41010519900307123X";

    private TestFilings() {}

    /** Two lines, freight 10, tax 25.48, discount 5: acturalPaid 310.48. */
    public static Filing bonded(String orderNo) {
        return new Filing(
                orderNo,
                new Enterprise("4101660000", "郑州E贸易科技有限公司"),
                new Enterprise("4101960001", "河南保税直供商贸有限公司"),
                "142",
                new BigDecimal("280.00"),
                new BigDecimal("10.00"),
                new BigDecimal("5.00"),
                new BigDecimal("25.48"),
                new BigDecimal("310.48"),
                new Buyer("u-100234", "张三", "13800138000", new IdNumber(ID_NUMBER)),
                new Consignee("张三", "13800138000", "河南省郑州市金水区花园路100号", "410105"),
                new Payment(new Enterprise("4403169D3W", "财付通支付科技有限公司"), "4200000681202611280001"),
                new Clearance(
                        TradeMode.BONDED_1210,
                        "EX" + orderNo.substring(Math.max(0, orderNo.length() - 18)),
                        new Enterprise("4101980002", "河南邮政速递物流有限公司"),
                        "EY2611280001CN",
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
                        new BigDecimal("10.00"),
                        new BigDecimal("0"),
                        new BigDecimal("1.45"),
                        new BigDecimal("1.20"),
                        LocalDate.of(2026, 11, 28)),
                List.of(
                        new Line(
                                1,
                                "SKU-MILK-900",
                                "爱他美婴儿配方奶粉3段900g",
                                "900g/罐,3段,牛奶蛋白",
                                "4008976022336",
                                "1901101010",
                                "122",
                                new BigDecimal("1"),
                                "035",
                                new BigDecimal("0.9"),
                                null,
                                null,
                                new BigDecimal("220.00"),
                                new BigDecimal("220.00"),
                                "304",
                                "ITEM000001"),
                        new Line(
                                2,
                                "SKU-VIT-C",
                                "维生素C咀嚼片",
                                "60片/瓶",
                                null,
                                "2106909090",
                                "142",
                                new BigDecimal("2"),
                                "035",
                                new BigDecimal("0.3"),
                                null,
                                null,
                                new BigDecimal("30.00"),
                                new BigDecimal("60.00"),
                                "601",
                                "ITEM000002")));
    }

    /** A direct-purchase (9610) order flown in from Japan, one line, no tax pre-collected. */
    public static Filing direct(String orderNo) {
        Filing b = bonded(orderNo);
        Clearance c = b.clearance();
        return new Filing(
                orderNo,
                b.platform(),
                b.seller(),
                "142",
                new BigDecimal("199.90"),
                new BigDecimal("0"),
                new BigDecimal("0"),
                new BigDecimal("0"),
                new BigDecimal("199.90"),
                b.buyer(),
                b.consignee(),
                null,
                new Clearance(
                        TradeMode.DIRECT_9610,
                        c.copNo(),
                        c.logistics(),
                        c.logisticsNo(),
                        c.assureCode(),
                        null,
                        "4604",
                        "4604",
                        c.agent(),
                        null,
                        "5",
                        "CA1052",
                        "20261128",
                        "999-12345675",
                        "116",
                        new BigDecimal("30"),
                        new BigDecimal("1.5"),
                        new BigDecimal("0.8"),
                        new BigDecimal("0.6"),
                        LocalDate.of(2026, 11, 28)),
                List.of(new Line(
                        1,
                        "SKU-SERUM-50",
                        "资生堂红腰子精华50ml",
                        "50ml/瓶",
                        "4909978136093",
                        "3304990099",
                        "142",
                        new BigDecimal("1"),
                        "035",
                        new BigDecimal("0.05"),
                        null,
                        null,
                        new BigDecimal("199.90"),
                        new BigDecimal("199.90"),
                        "116",
                        null)));
    }
}
