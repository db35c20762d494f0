package cn.eexpo;

import org.springframework.web.client.RestClient;

/** A client for the application under test that hands back every status instead of throwing on 4xx and 5xx. */
final class LocalHttp {

    private LocalHttp() {}

    static RestClient on(int port) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** The HTTP status the application answers a GET of {@code path} with. */
    static int statusOf(RestClient http, String path) {
        return http.get()
                .uri(path)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }
}
