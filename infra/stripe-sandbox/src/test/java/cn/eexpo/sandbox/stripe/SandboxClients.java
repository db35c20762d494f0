package cn.eexpo.sandbox.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** stripe-java clients pointed at a sandbox, and plain HTTP for what stripe-java does not show. */
final class SandboxClients {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SandboxClients() {}

    static StripeClient client(StripeSandbox sandbox, int maxNetworkRetries) {
        return StripeClient.builder()
                .setApiKey(sandbox.secretKey())
                .setApiBase(sandbox.baseUrl())
                .setMaxNetworkRetries(maxNetworkRetries)
                .build();
    }

    static PaymentIntentCreateParams.Builder order(long amountFen, String orderNo) {
        return PaymentIntentCreateParams.builder()
                .setAmount(amountFen)
                .setCurrency("cny")
                .putMetadata("order_no", orderNo)
                .setDescription("E-Expo order " + orderNo);
    }

    static PaymentIntent paidCardOrder(StripeClient client, long amountFen, String orderNo) throws StripeException {
        return client.v1()
                .paymentIntents()
                .create(order(amountFen, orderNo)
                        .addPaymentMethodType("card")
                        .setPaymentMethod("pm_card_visa")
                        .setConfirm(true)
                        .build());
    }

    static HttpResponse<String> post(String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Presses a button of the payment page as a buyer would. */
    static HttpResponse<String> pressOnPaymentPage(StripeSandbox sandbox, String paymentIntentId, String action)
            throws IOException, InterruptedException {
        return post(sandbox.paymentPageUrl(paymentIntentId), "application/x-www-form-urlencoded", "action=" + action);
    }
}
