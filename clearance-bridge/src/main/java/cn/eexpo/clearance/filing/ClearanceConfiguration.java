package cn.eexpo.clearance.filing;

import cn.eexpo.clearance.amqp.CustomsAmqp;
import cn.eexpo.clearance.ceb.BaseTransfer;
import cn.eexpo.clearance.ceb.CebMessages;
import cn.eexpo.clearance.ceb.CodeTables;
import cn.eexpo.clearance.dxp.CustomsTransport;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.outgoing.OutgoingMessages;
import cn.eexpo.clearance.payment.PartnerPaymentDeclaration;
import cn.eexpo.clearance.payment.PaymentDeclaration;
import cn.eexpo.clearance.signing.SigningKeyProvider;
import cn.eexpo.clearance.signing.XmlSigner;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** Wires the filing workflow: the message layer, the AMQP transport, the payment partner and the receipt consumer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ClearanceProperties.class)
class ClearanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClearanceConfiguration.class);

    @Bean
    CebMessages cebMessages(ClearanceProperties properties, Clock clock) {
        var sender = BaseTransfer.dxp(
                properties.platform().code(), properties.platform().name(), properties.dxpId());
        return new CebMessages(sender, CodeTables.bundled(), clock);
    }

    @Bean(destroyMethod = "close")
    @Nullable
    CustomsAmqp customsAmqp(ClearanceProperties properties) {
        var amqp = properties.amqp();
        if (!amqp.enabled()) return null;
        return new CustomsAmqp(
                amqp.host(),
                amqp.port(),
                amqp.username(),
                amqp.password(),
                amqp.virtualHost(),
                amqp.outboundQueue(),
                amqp.receiptQueue());
    }

    @Bean
    CustomsTransport customsTransport(ClearanceProperties properties, ObjectProvider<CustomsAmqp> amqp) {
        CustomsAmqp link = amqp.getIfAvailable();
        if (link == null) {
            return message -> {
                throw new CustomsTransport.TransportException(
                        "the customs transport is switched off (eexpo.clearance.amqp.enabled=false)");
            };
        }
        return link.transport(properties.amqp().confirmTimeout());
    }

    @Bean
    OutgoingMessages outgoingMessages(
            CebMessages messages,
            SigningKeyProvider keys,
            ClearanceProperties properties,
            CustomsTransport transport,
            FilingStore store,
            Clock clock) {
        return new OutgoingMessages(
                messages,
                (Supplier<XmlSigner>) keys::signer,
                properties.dxpId(),
                List.of(DxpEnvelope.CUSTOMS_IMPORT),
                transport,
                store,
                clock);
    }

    @Bean
    PaymentDeclaration paymentDeclaration(ClearanceProperties properties, JsonMapper json) {
        var partner = properties.paymentPartner();
        if (partner.url() == null || partner.url().isBlank()) {
            log.info("No payment partner configured (eexpo.clearance.payment-partner.url): payments are declared"
                    + " outside this application");
            return payment -> {};
        }
        return new PartnerPaymentDeclaration(partner.url(), partner.timeout(), json);
    }

    @EventListener(ApplicationReadyEvent.class)
    void consumeReceipts(ApplicationReadyEvent event) {
        var amqp =
                event.getApplicationContext().getBeanProvider(CustomsAmqp.class).getIfAvailable();
        if (amqp == null) return;
        var intake = event.getApplicationContext().getBean(ReceiptIntake.class);
        var settings =
                event.getApplicationContext().getBean(ClearanceProperties.class).amqp();
        amqp.consumeReceipts(
                Math.max(1, settings.receiptBatch()),
                settings.receiptLinger(),
                bodies -> intake.acceptDelivered(bodies, "amqp"));
    }
}
