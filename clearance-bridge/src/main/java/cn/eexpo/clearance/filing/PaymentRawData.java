package cn.eexpo.clearance.filing;

import cn.eexpo.clearance.ceb.CebMessages;
import cn.eexpo.clearance.pay179.HttpPaymentRawDataUpload;
import cn.eexpo.clearance.pay179.PayExchangeInfo;
import cn.eexpo.clearance.pay179.PayExchangeUpload;
import cn.eexpo.clearance.pay179.PaymentRawDataUpload;
import cn.eexpo.clearance.signing.SigningKeyProvider;
import cn.eexpo.orders.OrderForFiling;
import cn.eexpo.orders.Orders;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's "179" payment raw data (海关总署公告2018年第165号/第179号, customs-reference.md §7): customs calls
 * {@code platDataOpen} with an order number and a session; the platform answers at once and then uploads, signed,
 * the payment's original request and response with the order's goods to customs' {@code realTimeDataUpload}
 * ({@code eexpo.clearance.pay179.upload-url}; unset: nothing is uploaded and the request is only logged). The endpoint
 * is open: customs calls it without an account, and it discloses nothing (the upload goes to customs' own address).
 */
@RestController
class PaymentRawData implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PaymentRawData.class);
    private static final DateTimeFormatter TRADING_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Orders orders;
    private final ClearanceProperties properties;
    private final SigningKeyProvider keys;
    private final JsonMapper json;
    private final @Nullable PaymentRawDataUpload upload;
    private final String itemLinkBase;
    private final ExecutorService uploads = Executors.newVirtualThreadPerTaskExecutor();

    PaymentRawData(
            Orders orders,
            ClearanceProperties properties,
            SigningKeyProvider keys,
            JsonMapper json,
            @Value("${eexpo.clearance.pay179.upload-url:}") String uploadUrl,
            @Value("${eexpo.clearance.pay179.item-link-base:http://localhost:8080/products/}") String itemLinkBase) {
        this.orders = orders;
        this.properties = properties;
        this.keys = keys;
        this.json = json;
        this.upload = uploadUrl.isBlank() ? null : new HttpPaymentRawDataUpload(uploadUrl, json);
        this.itemLinkBase = itemLinkBase;
    }

    @PostMapping(value = "/api/v1/customs-gateway/platDataOpen", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> open(@RequestParam("openReq") String openReq) {
        long now = System.currentTimeMillis();
        JsonNode request;
        try {
            request = json.readTree(openReq);
        } catch (RuntimeException e) {
            return answer("20001", "openReq is not JSON", now);
        }
        String orderNo = request.path("orderNo").asString("");
        String sessionId = request.path("sessionID").asString("");
        if (orderNo.isBlank() || sessionId.isBlank()) {
            return answer("20001", "openReq needs orderNo and sessionID", now);
        }
        Optional<OrderForFiling> order = orders.forFiling(orderNo).filter(o -> o.paymentTransactionId() != null);
        if (order.isEmpty()) {
            return answer("20002", "no paid order " + orderNo, now);
        }
        uploads.execute(() -> upload(order.get(), sessionId));
        return answer("10000", "", now);
    }

    private static Map<String, Object> answer(String code, String message, long serviceTime) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("message", message);
        answer.put("serviceTime", serviceTime);
        return answer;
    }

    /** Builds, signs and uploads the order's payment raw data. */
    PaymentRawDataUpload.Result upload(OrderForFiling order, String sessionId) {
        var info = info(order, sessionId);
        var signed = PayExchangeUpload.sign(info, keys.key());
        if (upload == null) {
            log.info(
                    "179 request for order {}: no upload address configured (eexpo.clearance.pay179.upload-url)",
                    order.orderNo());
            return new PaymentRawDataUpload.Result("20000", "no upload address", System.currentTimeMillis());
        }
        var result = upload.upload(signed);
        log.info("179 upload for order {}: {} {}", order.orderNo(), result.code(), result.message());
        return result;
    }

    PayExchangeInfo info(OrderForFiling order, String sessionId) {
        var platform = properties.platform();
        String transaction = order.paymentTransactionId() == null ? order.orderNo() : order.paymentTransactionId();
        long fen = order.actualPaid().movePointRight(2).longValueExact();
        // What was asked of the payment service and what it answered, as the platform keeps them (no personal data).
        String initialRequest = "{\"object\":\"payment_intent\",\"amount\":" + fen + ",\"currency\":\"cny\","
                + "\"metadata\":{\"order_no\":\"" + order.orderNo() + "\"}}";
        String initialResponse = "{\"id\":\"" + transaction + "\",\"object\":\"payment_intent\",\"amount_received\":"
                + fen + ",\"currency\":\"cny\",\"status\":\"succeeded\"}";
        Instant paidAt = order.paidAt() == null ? Instant.now() : order.paidAt();
        var head = new PayExchangeInfo.Head(
                UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT),
                initialRequest,
                initialResponse,
                platform.code(),
                properties.paymentPartner().code(),
                transaction,
                order.actualPaid(),
                "142",
                "3",
                "2",
                TRADING_TIME.format(paidAt.atZone(CebMessages.CHINA)),
                null);
        var goods = order.lines().stream()
                .map(l -> new PayExchangeInfo.Goods(l.name(), itemLinkBase + l.sku()))
                .toList();
        var item = new PayExchangeInfo.Item(
                order.orderNo(),
                goods,
                properties.paymentPartner().code() + "-" + platform.code(),
                platform.code(),
                platform.name());
        return new PayExchangeInfo(sessionId, head, java.util.List.of(item), System.currentTimeMillis());
    }

    @Override
    public void destroy() {
        uploads.shutdownNow();
    }
}
