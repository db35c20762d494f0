package cn.eexpo.clearance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.clearance.Samples;
import cn.eexpo.clearance.Xmllint;
import cn.eexpo.clearance.ceb.CebMessageType;
import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.ceb.MalformedMessageException;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.xml.XmlRefusedException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"CEB312", "CEB412", "CEB512", "CEB514", "CEB622", "CEB624", "CEB626", "CEB712"})
    void everyOfficialReceiptSampleParses(String type) {
        byte[] xml = Samples.load(type);
        ReceiptBatch batch = Receipts.parse(xml);
        assertThat(batch.type().rootName()).isEqualTo(type + "Message");
        String text = new String(xml, StandardCharsets.UTF_8);
        int nodes = text.split("<returnStatus>", -1).length - 1;
        assertThat(batch.receipts()).hasSize(nodes).allSatisfy(r -> {
            assertThat(r.guid()).hasSize(36);
            assertThat(r.returnStatus()).isNotBlank();
            assertThat(r.returnedAt()).isPresent();
        });
    }

    @Test
    void orderReceiptCarriesTheOrderKeys() {
        Receipt r = Receipts.parse(Samples.load("CEB312")).receipts().getFirst();
        assertThat(r.type()).isEqualTo(CebMessageType.CEB312);
        assertThat(r.orderNo()).isEqualTo("order20160321116420545");
        assertThat(r.ebpCode()).isEqualTo("1105910159");
        assertThat(r.returnStatus()).isEqualTo("2");
        assertThat(r.status()).contains(2);
        assertThat(r.returnInfo()).isEqualTo("新增申报成功[4CDE1CFD-EDED-46B1-946C-B8022E42FC94]");
        assertThat(r.returnedAt()).contains(LocalDateTime.of(2016, 4, 28, 18, 22, 38));
    }

    @Test
    void inventoryReceiptWithADefaultNamespaceOrAPrefixReadsTheSame() {
        byte[] plain = Samples.load("CEB622");
        String text = new String(plain, StandardCharsets.UTF_8);
        String prefixed = text.replace(
                        "xmlns=\"http://www.chinaport.gov.cn/ceb\"", "xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"")
                .replaceAll("<(/?)([A-Za-z])", "<$1ceb:$2")
                .replace("<?xml", "<?xml")
                .replace("<ceb:?xml", "<?xml");
        assertThat(prefixed).contains("<ceb:CEB622Message").contains("</ceb:InventoryReturn>");
        ReceiptBatch a = Receipts.parse(plain);
        ReceiptBatch b = Receipts.parse(prefixed.getBytes(StandardCharsets.UTF_8));
        assertThat(b).isEqualTo(a);
        Receipt first = a.receipts().getFirst();
        assertThat(first.copNo()).isEqualTo("cop2016032211000");
        assertThat(first.preNo()).isEqualTo("B20160512000001882");
        assertThat(first.customsCode()).isEqualTo("1501");
        assertThat(first.agentCode()).isEqualTo("1105980159");
    }

    @Test
    void negativeStatusIsAnErrorAndSchemaCheckReceiptCarriesTheOriginal() {
        String xml = """
                <CEB900Message xmlns="http://www.chinaport.gov.cn/ceb" guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94" version="1.0">
                  <MessageReturn>
                    <guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</guid>
                    <returnStatus>-621005</returnStatus>
                    <returnInfo>超过个人单次交易限值</returnInfo>
                    <returnTime>20261128101010123</returnTime>
                    <oriCopMsgId>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</oriCopMsgId>
                    <oriMessageType>CEB621Message</oriMessageType>
                    <oriBizMessage></oriBizMessage>
                  </MessageReturn>
                </CEB900Message>
                """;
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(CebSchema.ceb().validate(bytes)).isEmpty();
        Receipt r = Receipts.parse(bytes).receipts().getFirst();
        assertThat(r.returnStatus()).isEqualTo("-621005");
        assertThat(r.isError()).isTrue();
        assertThat(r.originalMessageType()).isEqualTo("CEB621Message");
        assertThat(r.originalCopMsgId()).isEqualTo("4CDE1CFD-EDED-46B1-946C-B8022E42FC94");
    }

    @Test
    void taxBillParsesWithItsLines() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB816Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="5A1B2C3D-0000-4000-8000-00000000816A" version="1.0">
                  <ceb:Tax>
                    <ceb:TaxHeadRd>
                      <ceb:guid>5A1B2C3D-0000-4000-8000-00000000816A</ceb:guid>
                      <ceb:returnTime>20261128120000000</ceb:returnTime>
                      <ceb:invtNo>461220261000000123</ceb:invtNo>
                      <ceb:taxNo>46122026I000000123</ceb:taxNo>
                      <ceb:customsTax>0</ceb:customsTax>
                      <ceb:valueAddedTax>25.48</ceb:valueAddedTax>
                      <ceb:consumptionTax>0</ceb:consumptionTax>
                      <ceb:status>1</ceb:status>
                      <ceb:entDutyNo>461220261000000123-1</ceb:entDutyNo>
                      <ceb:assureCode>4101960001</ceb:assureCode>
                      <ceb:ebcCode>4101960001</ceb:ebcCode>
                      <ceb:logisticsCode>4101980002</ceb:logisticsCode>
                      <ceb:agentCode>4101980009</ceb:agentCode>
                      <ceb:customsCode>4612</ceb:customsCode>
                    </ceb:TaxHeadRd>
                    <ceb:TaxListRd>
                      <ceb:gnum>1</ceb:gnum>
                      <ceb:gcode>1901101010</ceb:gcode>
                      <ceb:taxPrice>220</ceb:taxPrice>
                      <ceb:customsTax>0</ceb:customsTax>
                      <ceb:valueAddedTax>20.02</ceb:valueAddedTax>
                      <ceb:consumptionTax>0</ceb:consumptionTax>
                    </ceb:TaxListRd>
                    <ceb:TaxListRd>
                      <ceb:gnum>2</ceb:gnum>
                      <ceb:gcode>2106909090</ceb:gcode>
                      <ceb:taxPrice>60</ceb:taxPrice>
                      <ceb:customsTax>0</ceb:customsTax>
                      <ceb:valueAddedTax>5.46</ceb:valueAddedTax>
                      <ceb:consumptionTax>0</ceb:consumptionTax>
                    </ceb:TaxListRd>
                  </ceb:Tax>
                </ceb:CEB816Message>
                """.strip();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(CebSchema.ceb().validate(bytes)).isEmpty();
        Xmllint.assertValid(bytes, "ceb-import-202205.xsd");
        ReceiptBatch batch = Receipts.parse(bytes);
        assertThat(batch.receipts()).isEmpty();
        TaxReceipt tax = batch.taxes().getFirst();
        assertThat(tax.invtNo()).isEqualTo("461220261000000123");
        assertThat(tax.valueAddedTax()).isEqualByComparingTo("25.48");
        assertThat(tax.status()).isEqualTo("1");
        assertThat(tax.lines())
                .extracting(TaxReceipt.Line::valueAddedTax)
                .usingComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .containsExactly(new java.math.BigDecimal("20.02"), new java.math.BigDecimal("5.46"));
    }

    @Test
    void receiptInsideADxpEnvelopeIsUnwrapped() {
        byte[] receipt = Samples.load("CEB622");
        byte[] envelope = DxpEnvelope.write(new DxpMessage(
                "4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
                DxpEnvelope.CUSTOMS_IMPORT,
                List.of("DXPENT0000012345"),
                LocalDateTime.of(2026, 11, 28, 10, 0),
                "CEB622Message",
                receipt,
                null));
        assertThat(Receipts.parseEnvelope(envelope)).isEqualTo(Receipts.parse(receipt));
    }

    @Test
    void externalEntityIsRefusedCleanly() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE CEB312Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <CEB312Message xmlns="http://www.chinaport.gov.cn/ceb" guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94" version="1.0">
                  <OrderReturn><guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</guid><ebpCode>1</ebpCode><ebcCode>1</ebcCode>
                  <orderNo>&xxe;</orderNo><returnStatus>2</returnStatus><returnTime>20261128101010123</returnTime>
                  <returnInfo>x</returnInfo></OrderReturn>
                </CEB312Message>
                """.strip();
        assertThatThrownBy(() -> Receipts.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XmlRefusedException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
        assertThat(CebSchema.ceb().validate(xxe.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("DOCTYPE"));
    }

    @Test
    void billionLaughsIsRefusedCleanly() {
        var lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        lol.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"");
            lol.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        lol.append("]>\n<CEB312Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\">&lol9;"
                + "</CEB312Message>");
        byte[] bomb = lol.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Receipts.parse(bomb))
                .isInstanceOf(XmlRefusedException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> DxpEnvelope.read(bomb)).isInstanceOf(XmlRefusedException.class);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void notAReceiptIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Receipts.parse(Samples.load("CEB311")))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("CEB311Message is not a receipt");
        assertThatThrownBy(() -> Receipts.parse(
                        "<CEB312Message xmlns=\"urn:other\" guid=\"g\"/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("not in the CEB namespace");
        assertThatThrownBy(() -> Receipts.parse("<CEB312Message".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XmlRefusedException.class)
                .hasMessageContaining("refused XML at line 1");
    }
}
