package cn.eexpo.clearance.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment partner's declaration API over HTTPS/JSON: {@code POST {url}/payments}; 2xx means taken. The local
 * customs simulator (infra/customs-simulator) plays the partner.
 */
public final class PartnerPaymentDeclaration implements PaymentDeclaration {

    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;

    public PartnerPaymentDeclaration(String url, Duration timeout, JsonMapper json) {
        this.endpoint = URI.create(url.endsWith("/") ? url + "payments" : url + "/payments");
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void declare(PaymentRecord payment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderNo", payment.orderNo());
        body.put("ebpCode", payment.ebpCode());
        body.put("payCode", payment.payCode());
        body.put("payTransactionId", payment.payTransactionId());
        body.put("payerName", payment.payerName());
        body.put("payerIdNumber", payment.payerIdNumber());
        body.put("amountPaid", payment.amountPaid().toPlainString());
        body.put("currency", payment.currency());
        body.put("paidAt", payment.paidAt().toString());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "payment-declaration-" + payment.orderNo())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PaymentDeclarationException("the payment partner at " + endpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentDeclarationException("interrupted while declaring a payment", e);
        }
        if (response.statusCode() / 100 != 2) {
            String text = response.body();
            throw new PaymentDeclarationException("the payment partner refused the declaration of "
                    + payment.orderNo() + ": HTTP " + response.statusCode() + " "
                    + (text.length() > 300 ? text.substring(0, 300) : text));
        }
    }
}
