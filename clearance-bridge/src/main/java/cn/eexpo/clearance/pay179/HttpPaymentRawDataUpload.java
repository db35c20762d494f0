package cn.eexpo.clearance.pay179;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 179 upload over HTTP: {@code POST} form field {@code payExInfoStr} to customs' {@code realTimeDataUpload}, the
 * answer {@code {"code","message","serviceTime"}}. A transport failure is a result with code {@code 20000} and the
 * reason, so that the caller records it and tries again on customs' next request.
 */
public final class HttpPaymentRawDataUpload implements PaymentRawDataUpload {

    private final URI endpoint;
    private final HttpClient http;
    private final JsonMapper json;

    public HttpPaymentRawDataUpload(String url, JsonMapper json) {
        this.endpoint = URI.create(url);
        this.json = json;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Result upload(PayExchangeUpload.Signed upload) {
        String form = "payExInfoStr=" + URLEncoder.encode(upload.payExInfoStr(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return new Result("20000", "HTTP " + response.statusCode(), System.currentTimeMillis());
            }
            JsonNode answer = json.readTree(response.body());
            return new Result(
                    answer.path("code").asString(""),
                    answer.path("message").asString(""),
                    answer.path("serviceTime").asLong(System.currentTimeMillis()));
        } catch (IOException e) {
            return new Result(
                    "20000", "no answer from " + endpoint + ": " + e.getMessage(), System.currentTimeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("20000", "interrupted", System.currentTimeMillis());
        } catch (RuntimeException e) {
            return new Result("20000", "unreadable answer: " + e.getMessage(), System.currentTimeMillis());
        }
    }
}
