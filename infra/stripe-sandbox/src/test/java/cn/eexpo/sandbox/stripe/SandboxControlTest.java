package cn.eexpo.sandbox.stripe;

import static cn.eexpo.sandbox.stripe.SandboxClients.client;
import static cn.eexpo.sandbox.stripe.SandboxClients.paidCardOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's own HTTP endpoints, as a person or a script drives the standalone server. */
class SandboxControlTest {

    static StripeSandbox sandbox;
    static StripeClient stripe;

    @BeforeAll
    static void start() {
        sandbox = StripeSandbox.start();
        stripe = client(sandbox, 0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void faultsAreSetShownAndClearedOverHttpAndResetForgetsEverything() throws Exception {
        paidCardOrder(stripe, 1_000, "EX-S1");

        HttpResponse<String> set = SandboxClients.post(sandbox.baseUrl() + "/_sandbox/faults", "application/json", """
                {"fail_next": {"count": 1, "kind": "server_error", "match": "GET /v1/payment_intents"},
                 "latency_ms": 5, "webhooks": {"duplicate": 1, "drop_next": 2}}
                """);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"kind\": \"server_error\"", "\"latency_ms\": 5", "\"drop_next\": 2");

        assertThatThrownBy(() -> stripe.v1().paymentIntents().list()).isInstanceOf(ApiException.class);
        assertThat(stripe.v1().paymentIntents().list().getData()).hasSize(1);

        HttpResponse<String> reset = SandboxClients.post(sandbox.baseUrl() + "/_sandbox/reset", "application/json", "");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(stripe.v1().paymentIntents().list().getData()).isEmpty();
        assertThat(SandboxClients.get(sandbox.baseUrl() + "/_sandbox/faults").body())
                .contains("\"latency_ms\": 0", "\"drop_next\": 0");
    }

    @Test
    void webhookUrlIsSetOverHttp() throws Exception {
        HttpResponse<String> set = SandboxClients.post(
                sandbox.baseUrl() + "/_sandbox/webhook", "application/json", "{\"url\": \"http://127.0.0.1:1/hook\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(sandbox.webhookUrl()).isEqualTo("http://127.0.0.1:1/hook");
        sandbox.setWebhookUrl(null);
    }

    @Test
    void unknownUrlsAnswerStripesError() throws Exception {
        HttpResponse<String> response = SandboxClients.get(
                sandbox.baseUrl() + "/v1/customers", "Authorization", "Bearer " + sandbox.secretKey());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Unrecognized request URL (GET: /v1/customers)");
    }
}
