package cn.eexpo.clearance.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.clearance.Samples;
import cn.eexpo.clearance.TestFilings;
import cn.eexpo.clearance.TestKeys;
import cn.eexpo.clearance.Xmllint;
import cn.eexpo.clearance.ceb.AppType;
import cn.eexpo.clearance.ceb.Cancellation;
import cn.eexpo.clearance.ceb.CebMessageType;
import cn.eexpo.clearance.ceb.CebMessages;
import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.ceb.CodeTables;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.Refund;
import cn.eexpo.clearance.dxp.CustomsTransport;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.signing.IndependentVerifier;
import cn.eexpo.clearance.signing.SigningKey;
import cn.eexpo.clearance.signing.XmlSigner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every message the bridge sends, signed both ways: validated by the JDK and by xmllint (message and envelope),
 * verified independently; and what must not go out goes to the dead letters.
 */
class OutgoingMessagesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:03:04Z"), ZoneOffset.UTC);

    final List<DxpMessage> sent = new CopyOnWriteArrayList<>();
    final List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    final CustomsTransport transport = sent::add;

    OutgoingMessages outgoing(SigningKey key, String senderId) {
        return new OutgoingMessages(
                new CebMessages(TestFilings.SENDER, CodeTables.bundled(), CLOCK),
                XmlSigner.of(key),
                senderId,
                List.of(DxpEnvelope.CUSTOMS_IMPORT),
                transport,
                dead::add,
                CLOCK);
    }

    @Test
    void rsaSignedFilingCancellationAndRefundGoOutValidAndVerifiable() throws Exception {
        sendEverything(TestKeys.rsa());
        for (DxpMessage envelope : sent) {
            assertThat(IndependentVerifier.verifyRsa(envelope.data()).valid()).isTrue();
        }
    }

    @Test
    void sm2SignedFilingCancellationAndRefundGoOutValidAndVerifiable() throws Exception {
        sendEverything(TestKeys.sm2());
        for (DxpMessage envelope : sent) {
            assertThat(IndependentVerifier.verifySm2(envelope.data()).valid()).isTrue();
        }
    }

    private void sendEverything(SigningKey key) {
        OutgoingMessages out = outgoing(key, "DXPENT0000012345");
        Filing bonded = TestFilings.bonded("E202611280010");
        Filing direct = TestFilings.direct("E202611280011");
        List<Outcome> outcomes = new java.util.ArrayList<>();
        outcomes.addAll(out.file(bonded, AppType.NEW));
        outcomes.addAll(out.file(direct, AppType.CHANGE));
        outcomes.add(out.cancel(bonded, new Cancellation("461220261000000123", "E20261128000000001", "买家取消")));
        outcomes.add(out.refund(
                direct, new Refund("460420261000000456", null, "退货", List.of(new Refund.Item(1, BigDecimal.ONE)))));

        assertThat(dead).isEmpty();
        assertThat(outcomes).allMatch(o -> o instanceof Outcome.Sent);
        assertThat(sent)
                .extracting(DxpMessage::msgType)
                .containsExactly(
                        "CEB311Message",
                        "CEB621Message",
                        "CEB311Message",
                        "CEB621Message",
                        "CEB623Message",
                        "CEB625Message");
        for (DxpMessage envelope : sent) {
            byte[] xml = DxpEnvelope.write(envelope);
            Xmllint.assertValid(xml, "dxp-terminal-202205.xsd");
            DxpMessage read = DxpEnvelope.read(xml);
            assertThat(read).isEqualTo(envelope);
            assertThat(read.createdAt()).isEqualTo(LocalDateTime.of(2026, 11, 28, 10, 3, 4));
            assertThat(read.senderId()).isEqualTo("DXPENT0000012345");
            assertThat(CebSchema.ceb().validate(read.data())).isEmpty();
            Xmllint.assertValid(read.data(), "ceb-import-202205.xsd");
            assertThat(new String(read.data(), StandardCharsets.UTF_8)).contains("guid=\"" + read.copMsgId() + "\"");
        }
    }

    @Test
    void filingBreakingARuleIsDeadLetteredAndNothingIsSent() {
        Filing f = TestFilings.bonded("E202611280012");
        Filing wrong = new Filing(
                f.orderNo(),
                f.platform(),
                f.seller(),
                f.currency(),
                f.goodsValue(),
                f.freight(),
                f.discount(),
                f.taxTotal(),
                new BigDecimal("1.00"),
                f.buyer(),
                f.consignee(),
                f.payment(),
                f.clearance(),
                f.lines());

        List<Outcome> outcomes = outgoing(TestKeys.sm2(), "DXPENT0000012345").file(wrong, AppType.NEW);

        assertThat(sent).isEmpty();
        assertThat(outcomes).singleElement().isInstanceOf(Outcome.DeadLettered.class);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.orderNos()).containsExactly("E202611280012");
            assertThat(d.reason()).isEqualTo("the filing breaks customs rules");
            assertThat(d.problems()).singleElement().asString().startsWith("acturalPaid 1.00 is not");
        });
    }

    @Test
    void messageFailingTheXsdIsDeadLetteredWithLineAndFieldAndItsListIsHeldBack() {
        String tooLong = "E" + "1".repeat(60);
        List<Outcome> outcomes =
                outgoing(TestKeys.sm2(), "DXPENT0000012345").file(TestFilings.bonded(tooLong), AppType.NEW);

        assertThat(sent).isEmpty();
        assertThat(outcomes).singleElement().isInstanceOf(Outcome.DeadLettered.class);
        DeadLetter letter = dead.getFirst();
        assertThat(letter.type()).isEqualTo(CebMessageType.CEB311);
        assertThat(letter.reason()).isEqualTo("the CEB311Message message does not validate against the official XSD");
        assertThat(letter.problems().getFirst())
                .startsWith("line 10, column ")
                .contains("/CEB311Message/Order[1]/OrderHead/orderNo: cvc-maxLength-valid");
        assertThat(letter.xml()).isNotEmpty();
        assertThat(String.join(" ", letter.problems())).doesNotContain(TestFilings.ID_NUMBER);
    }

    @Test
    void envelopeFailingTheDxpSchemaIsDeadLettered() {
        Outcome outcome = outgoing(TestKeys.rsa(), "DXPENT00000123456789")
                .file(TestFilings.bonded("E202611280013"), AppType.NEW)
                .getFirst();

        assertThat(sent).isEmpty();
        assertThat(outcome).isInstanceOf(Outcome.DeadLettered.class);
        assertThat(dead.getFirst().reason()).isEqualTo("the DXP envelope does not validate against the official XSD");
        assertThat(dead.getFirst().problems().getFirst()).contains("/DxpMsg/TransInfo/SenderId");
    }

    @Test
    void identityNumbersInSchemaMessagesAreMasked() {
        String sample = new String(Samples.load("CEB311"), StandardCharsets.UTF_8);
        String tooLong = "1306811362500233320000000000000000000000000000000000000000000000";
        byte[] bad = sample.replaceFirst("130681136250023332", tooLong).getBytes(StandardCharsets.UTF_8);
        var problems = CebSchema.ceb().validate(bad);
        assertThat(problems).isNotEmpty();
        assertThat(problems.toString()).doesNotContain(tooLong).contains("1306");
        assertThat(problems.getFirst().field()).isEqualTo("/CEB311Message/Order[1]/OrderHead/buyerIdNumber");
    }
}
