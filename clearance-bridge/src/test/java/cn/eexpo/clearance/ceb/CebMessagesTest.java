package cn.eexpo.clearance.ceb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.clearance.TestFilings;
import cn.eexpo.clearance.Xmllint;
import cn.eexpo.clearance.ceb.CebMessages.FilingMessages;
import cn.eexpo.clearance.xml.Canonicalizer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages built from filings: XSD-valid (JDK and xmllint), in the spec's formats, and readable back. */
class CebMessagesTest {

    final CebMessages messages = new CebMessages(
            TestFilings.SENDER,
            CodeTables.bundled(),
            Clock.fixed(Instant.parse("2026-11-28T02:03:04Z"), ZoneOffset.UTC));

    @Test
    void bondedFilingBuildsOrderAndListWithTheSameLines() {
        FilingMessages built = messages.filing(TestFilings.bonded("E202611280001"), AppType.NEW);
        Ceb311Message order = built.order();
        Ceb621Message list = built.inventory();

        assertThat(order.guid()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(order.orders().getFirst().head().guid()).isEqualTo(order.guid());
        assertThat(order.guid()).isNotEqualTo(list.guid());
        var head = order.orders().getFirst().head();
        assertThat(head.appTime()).isEqualTo("20261128100304"); // China time
        assertThat(head.appType()).isEqualTo("1");
        assertThat(head.appStatus()).isEqualTo("2");
        assertThat(head.acturalPaid()).isEqualByComparingTo("310.48");
        var inv = list.inventories().getFirst();
        assertThat(inv.head().declTime()).isEqualTo("20261128");
        assertThat(inv.head().tradeMode()).isEqualTo("1210");
        assertThat(inv.head().emsNo()).isEqualTo("T4612W000123");
        assertThat(inv.head().areaCode()).isEqualTo("4101930088");
        assertThat(inv.head().trafNo()).isNull();
        assertThat(inv.lines()).extracting(Ceb621Message.InventoryLine::gnum).containsExactly(1, 2);
        assertThat(order.orders().getFirst().lines())
                .extracting(Ceb311Message.OrderLine::gnum)
                .containsExactly(1, 2);
        assertThat(inv.lines())
                .extracting(Ceb621Message.InventoryLine::itemRecordNo)
                .containsExactly("ITEM000001", "ITEM000002");
        assertThat(inv.lines().get(1).barCode()).isEqualTo("无");

        for (CebMessage m : List.<CebMessage>of(order, list)) {
            byte[] xml = Canonicalizer.serialize(CebXml.toDocument(m));
            assertThat(CebXml.read(xml)).isEqualTo(m);
        }
        byte[] orderXml = Canonicalizer.serialize(CebXml.toDocument(order));
        assertThat(CebSchema.ceb().validate(orderXml)).isEmpty();
        Xmllint.assertValid(orderXml, "ceb-import-202205.xsd");
        String text = new String(orderXml, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:CEB311Message"
                        + " xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + order.guid()
                        + "\" version=\"1.0\">\n"
                        + "\t<ceb:Order>\n\t\t<ceb:OrderHead>\n\t\t\t<ceb:guid>");
    }

    @Test
    void directFilingCarriesTheCarrierAndNoBondedFields() {
        FilingMessages built = messages.filing(TestFilings.direct("E202611280002"), AppType.CHANGE);
        var head = built.inventory().inventories().getFirst().head();
        assertThat(head.appType()).isEqualTo("2");
        assertThat(head.tradeMode()).isEqualTo("9610");
        assertThat(head.emsNo()).isNull();
        assertThat(head.areaCode()).isNull();
        assertThat(head.trafNo()).isEqualTo("CA1052");
        assertThat(head.country()).isEqualTo("116");
        assertThat(built.inventory().inventories().getFirst().lines().getFirst().itemRecordNo())
                .isNull();
        assertThat(built.order().orders().getFirst().head().payCode()).isNull();
        byte[] xml = Canonicalizer.serialize(CebXml.toDocument(built.order()));
        assertThat(CebSchema.ceb().validate(xml)).isEmpty();
    }

    @Test
    void cancellationAndRefundCarryTheListNumberAndReturnedItems() {
        Filing filing = TestFilings.bonded("E202611280003");
        Ceb623Message cancel = messages.cancellation(filing, new Cancellation("461220261000000123", null, "买家取消订单"));
        var c = cancel.cancels().getFirst();
        assertThat(c.invtNo()).isEqualTo("461220261000000123");
        assertThat(c.copNo()).isEqualTo(filing.clearance().copNo());
        assertThat(c.appType()).isEqualTo("1");
        assertThat(c.customsCode()).isEqualTo("4612");

        Ceb625Message refund = messages.refund(
                filing,
                new Refund(
                        "461220261000000123",
                        "E20261128000000001",
                        "质量问题退货",
                        List.of(new Refund.Item(2, new BigDecimal("1")))));
        var r = refund.refunds().getFirst();
        assertThat(r.head().preNo()).isEqualTo("E20261128000000001");
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.gnum()).isEqualTo(2);
            assertThat(l.gcode()).isEqualTo("2106909090");
            assertThat(l.gname()).isEqualTo("维生素C咀嚼片");
            assertThat(l.unit()).isEqualTo("142");
        });

        assertThatThrownBy(() -> messages.refund(
                        filing,
                        new Refund("461220261000000123", null, "退货", List.of(new Refund.Item(2, new BigDecimal("3"))))))
                .isInstanceOf(FilingRejectedException.class)
                .hasMessageContaining("refund gnum 2: qty 3 must be more than 0 and at most the declared 2");
    }

    @Test
    void tooLongValuesAreCaughtByTheSchemaWithLineAndField() {
        Filing f = TestFilings.bonded("E" + "9".repeat(60));
        Ceb311Message order = messages.order(f, AppType.NEW);
        byte[] xml = Canonicalizer.serialize(CebXml.toDocument(order));
        List<SchemaProblem> problems = CebSchema.ceb().validate(xml);
        assertThat(problems).isNotEmpty();
        assertThat(problems.getFirst().field()).isEqualTo("/CEB311Message/Order[1]/OrderHead/orderNo");
        assertThat(problems.getFirst().line()).isEqualTo(10); // declaration, root, Order, OrderHead, 5 fields before
        assertThat(problems.getFirst().message()).contains("maxLength");
    }
}
