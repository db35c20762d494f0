package cn.eexpo.orders.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * stripe-java's HTTP transport on the JDK's HTTP client, with the library's client description built once. Its own
 * transport ({@code HttpURLConnectionClient}) builds the {@code X-Stripe-Client-User-Agent} header for every request,
 * and that reads Gson's version from a resource on the class path: in the application's jar, a search through the
 * nested jars that took a third of the CPU of each Stripe call in the order benchmark. Everything else stays
 * stripe-java's: the headers it puts on the request (key, API version, idempotency key), the user agent, retries with
 * backoff and telemetry (which live around {@link #request}), and the reading of the answer.
 */
final class StripeHttpTransport extends HttpClient {

    /** stripe-java's own default. */
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(80);

    private final java.net.http.HttpClient http;
    private final String clientUserAgent = buildXStripeClientUserAgentString();

    /** @param connectTimeout for every request (the JDK's client takes it once, not per request) */
    StripeHttpTransport(Duration connectTimeout) {
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("Stripe request to an invalid URL: " + request.url(), e);
        }
        Integer readTimeout = request.options().getReadTimeout();
        builder.timeout(readTimeout == null ? DEFAULT_READ_TIMEOUT : Duration.ofMillis(readTimeout));
        // As stripe-java's own transport sends them: one header line per name, values joined by commas.
        request.headers().map().forEach((name, values) -> builder.setHeader(name, String.join(",", values)));
        builder.setHeader("User-Agent", buildUserAgentString(request));
        builder.setHeader("X-Stripe-Client-User-Agent", clientUserAgent);
        HttpContent content = request.content();
        switch (request.method()) {
            case GET -> builder.GET();
            case DELETE -> builder.DELETE();
            case POST -> {
                if (content == null) {
                    builder.POST(HttpRequest.BodyPublishers.noBody());
                } else {
                    builder.setHeader("Content-Type", content.contentType());
                    builder.POST(HttpRequest.BodyPublishers.ofByteArray(content.byteArrayContent()));
                }
            }
        }
        try {
            HttpResponse<String> response =
                    http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new StripeResponse(
                    response.statusCode(), HttpHeaders.of(response.headers().map()), response.body());
        } catch (IOException e) {
            throw new ApiConnectionException(
                    "IOException during API request to Stripe (%s): %s".formatted(request.url(), e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted during API request to Stripe (" + request.url() + ")", e);
        }
    }
}
