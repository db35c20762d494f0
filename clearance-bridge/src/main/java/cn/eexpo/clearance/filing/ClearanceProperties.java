package cn.eexpo.clearance.filing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eexpo.clearance.*}: who the platform is to customs, who declares and carries its goods, and how the filing
 * workflow paces itself. The defaults are the local demo's (codes in the customs formats, not real registrations).
 *
 * @param dxpId the platform's DXP id (SenderId, ≤ 16)
 * @param platform 电商平台 (ebpCode/ebpName); also the BaseTransfer's copCode/copName
 * @param agent 申报企业, the customs broker declaring the lists
 * @param logistics 物流企业 that carries and files waybills
 * @param assureCode 担保扣税企业; empty for the platform itself
 * @param paymentPartner the licensed payment company declaring payments (CEB411) for the platform
 * @param direct the transport of direct-purchase (9610) goods flown in from the overseas warehouses
 */
@ConfigurationProperties("eexpo.clearance")
public record ClearanceProperties(
        @DefaultValue("DXPENT0000012345") String dxpId,
        @DefaultValue Party platform,
        @DefaultValue Party agent,
        @DefaultValue Party logistics,
        @Nullable String assureCode,
        @DefaultValue PaymentPartner paymentPartner,
        @DefaultValue Direct direct,
        @DefaultValue Worker worker,
        @DefaultValue Amqp amqp) {

    public record Party(
            @DefaultValue("4101660000") String code,
            @DefaultValue("郑州E贸易科技有限公司") String name) {}

    /**
     * @param url the partner's declaration API; empty: payments are not declared by this instance (a partner outside
     *     the platform files them)
     */
    public record PaymentPartner(
            @DefaultValue("4101940001") String code,
            @DefaultValue("郑州跨境支付服务有限公司") String name,
            @Nullable String url,
            @DefaultValue("10s") Duration timeout) {}

    /** Air transport of 9610 goods: JGS-20 mode {@code 5}, the carrier's flight and master air waybill prefix. */
    public record Direct(
            @DefaultValue("5") String trafMode,
            @DefaultValue("CA") String trafNo,
            @DefaultValue("CA1042") String voyageNo,
            @DefaultValue("999-") String billPrefix) {}

    /**
     * @param threads workers in this instance (building and signing is CPU work: about one per core)
     * @param batch filings claimed per build, and messages per send: small, because a filing's messages leave only
     *     when its whole batch is built and committed
     * @param pollInterval how often an idle worker looks for due work (new filings wake it at once)
     * @param firstRetry the delay after the first transport failure; doubled per attempt up to {@code maxRetry}
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2") int threads,
            @DefaultValue("10") int batch,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("60s") Duration maxRetry) {}

    /**
     * The customs transport over RabbitMQ (DXP envelopes). Its own connection: it may go through another broker or a
     * relay than the application's other messaging.
     *
     * @param receiptBatch receipts applied together in one transaction at most (a busy queue fills batches; a quiet
     *     one hands each over after {@code receiptLinger})
     * @param receiptLinger how long a consumer waits for more receipts before it applies what it holds
     */
    public record Amqp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("5672") int port,
            @DefaultValue("guest") String username,
            @DefaultValue("guest") String password,
            @DefaultValue("/") String virtualHost,
            @DefaultValue("eexpo.customs.outbound") String outboundQueue,
            @DefaultValue("eexpo.customs.receipts") String receiptQueue,
            @DefaultValue("5s") Duration confirmTimeout,
            @DefaultValue("50") int receiptBatch,
            @DefaultValue("5ms") Duration receiptLinger) {}

    public String assureCodeOrPlatform() {
        return assureCode == null || assureCode.isBlank() ? platform.code() : assureCode;
    }
}
