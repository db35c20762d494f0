package cn.eexpo.sandbox.customs;

import cn.eexpo.clearance.ceb.IdNumber;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's HTTP endpoints, JSON in and out:
 *
 * <ul>
 *   <li>{@code POST /partner/payments}: the payment partner's declaration API (→ 202 {@code {"status":"accepted"}},
 *       400 for bad input, 409 for another payment of the same order);
 *   <li>{@code GET /partner/payments?ebpCode=&orderNo=}: a declared payment (payer ID masked);
 *   <li>{@code GET|POST /control/faults}, {@code GET /control/state}, {@code POST /control/reset}, {@code GET
 *       /control/filings?orderNo=}.
 * </ul>
 */
final class HttpApi {

    private static final System.Logger LOG = System.getLogger(HttpApi.class.getName());
    static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (i, t, c) -> new JsonPrimitive(i.toString()))
            .registerTypeAdapter(
                    BigDecimal.class, (JsonSerializer<BigDecimal>) (b, t, c) -> new JsonPrimitive(b.toPlainString()))
            .registerTypeAdapter(PartnerPayment.class, (JsonSerializer<PartnerPayment>) (p, t, c) -> {
                JsonObject o = new JsonObject();
                o.addProperty("orderNo", p.orderNo());
                o.addProperty("ebpCode", p.ebpCode());
                o.addProperty("payCode", p.payCode());
                o.addProperty("payTransactionId", p.payTransactionId());
                o.addProperty("payerName", p.payerName());
                o.addProperty("payerIdNumber", PartnerPayment.mask(p.payerIdNumber()));
                o.addProperty("amountPaid", p.amountPaid().toPlainString());
                o.addProperty("currency", p.currency());
                o.addProperty("paidAt", p.paidAt().toString());
                return o;
            })
            .create();

    private final CustomsSimulator simulator;

    HttpApi(CustomsSimulator simulator) {
        this.simulator = simulator;
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            switch (method + " " + path) {
                case "GET /", "GET /control" ->
                    send(exchange, 200, Map.of("service", "customs-simulator", "state", "/control/state"));
                case "POST /partner/payments" -> payment(exchange);
                case "GET /partner/payments" -> {
                    PartnerPayment p =
                            simulator.payment(query.getOrDefault("ebpCode", ""), query.getOrDefault("orderNo", ""));
                    if (p == null) send(exchange, 404, error("no payment declared for this order"));
                    else send(exchange, 200, p);
                }
                case "GET /control/faults" ->
                    send(exchange, 200, simulator.faults().toMap());
                case "POST /control/faults" -> {
                    applyFaults(object(exchange));
                    send(exchange, 200, simulator.state());
                }
                case "GET /control/state" -> send(exchange, 200, simulator.state());
                case "POST /control/reset" -> {
                    simulator.reset();
                    send(exchange, 200, Map.of("reset", true));
                }
                case "GET /control/filings" -> {
                    String orderNo = query.get("orderNo");
                    if (orderNo == null) {
                        send(exchange, 200, simulator.filings());
                    } else {
                        var filings = simulator.filings(orderNo);
                        if (filings == null) send(exchange, 404, error("customs knows no order " + orderNo));
                        else send(exchange, 200, filings);
                    }
                }
                default -> send(exchange, 404, error("no such endpoint: " + method + " " + path));
            }
        } catch (BadRequest e) {
            send(exchange, 400, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "HTTP " + method + " " + path + " failed", e);
            send(exchange, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private void payment(HttpExchange exchange) throws IOException {
        JsonObject json = object(exchange);
        String orderNo = text(json, "orderNo", 60);
        String ebpCode = text(json, "ebpCode", 18);
        String payCode = text(json, "payCode", 18);
        String payTransactionId = text(json, "payTransactionId", 60);
        String payerName = text(json, "payerName", 60);
        String payerIdNumber = text(json, "payerIdNumber", 60);
        if (!new IdNumber(payerIdNumber).isResidentIdNumber()) {
            throw new BadRequest("payerIdNumber is not an 18-character resident ID number with a valid check digit");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text(json, "amountPaid", 40));
        } catch (NumberFormatException e) {
            throw new BadRequest("amountPaid is not a decimal number");
        }
        if (amount.signum() <= 0 || amount.scale() > 5 || amount.precision() - amount.scale() > 14) {
            throw new BadRequest("amountPaid must be positive, N19,5");
        }
        String currency = text(json, "currency", 3);
        if (!currency.equals("142")) throw new BadRequest("currency must be 142 (CNY)");
        Instant paidAt;
        try {
            paidAt = Instant.parse(text(json, "paidAt", 40));
        } catch (DateTimeParseException e) {
            throw new BadRequest("paidAt is not an ISO-8601 instant such as 2026-11-28T10:00:00Z");
        }
        var payment = new PartnerPayment(
                orderNo, ebpCode, payCode, payTransactionId, payerName, payerIdNumber, amount, currency, paidAt);
        String conflict = simulator.declarePayment(payment);
        if (conflict != null) {
            send(exchange, 409, error(conflict));
        } else {
            send(exchange, 202, Map.of("status", "accepted"));
        }
    }

    private void applyFaults(JsonObject json) {
        Faults f = simulator.faults();
        try {
            if (bool(json, "clear")) f.clear();
            if (json.has("seed")) f.seed(json.get("seed").getAsLong());
            if (json.has("dropPercent")) f.dropReceipts(json.get("dropPercent").getAsInt());
            if (json.has("dropNext")) f.dropNextReceipts(json.get("dropNext").getAsInt());
            if (json.has("duplicatePercent"))
                f.duplicateReceipts(json.get("duplicatePercent").getAsInt());
            if (json.has("duplicateNext"))
                f.duplicateNextReceipts(json.get("duplicateNext").getAsInt());
            if (json.has("delayMs"))
                f.delayReceipts(Duration.ofMillis(json.get("delayMs").getAsLong()));
            if (json.has("reorderPercent"))
                f.reorderLists(json.get("reorderPercent").getAsInt());
            if (json.has("reorderNext"))
                f.reorderNextLists(json.get("reorderNext").getAsInt());
            if (json.has("rejectPercent"))
                f.rejectLists(json.get("rejectPercent").getAsInt());
            if (json.has("rejectNext")) {
                f.rejectNextLists(
                        json.get("rejectNext").getAsInt(),
                        json.has("rejectReason")
                                ? json.get("rejectReason").getAsString()
                                : Faults.DEFAULT_REJECT_REASON);
            }
            if (json.has("inspectPercent"))
                f.inspectLists(json.get("inspectPercent").getAsInt());
            if (json.has("inspectNext"))
                f.inspectNextLists(json.get("inspectNext").getAsInt());
            if (json.has("detain")) f.detainOnInspection(bool(json, "detain"));
            if (json.has("waybillMismatchPercent"))
                f.mismatchWaybills(json.get("waybillMismatchPercent").getAsInt());
            if (json.has("waybillMismatchNext"))
                f.mismatchNextWaybills(json.get("waybillMismatchNext").getAsInt());
            if (json.has("transportDownSeconds")) {
                simulator.transportDown(Duration.ofMillis(
                        Math.round(json.get("transportDownSeconds").getAsDouble() * 1000)));
            }
            if (bool(json, "transportUp")) simulator.transportUp();
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new BadRequest(String.valueOf(e.getMessage()));
        }
    }

    private static boolean bool(JsonObject json, String name) {
        JsonElement e = json.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    private static String text(JsonObject json, String name, int max) {
        JsonElement e = json.get(name);
        if (e == null || e.isJsonNull()) throw new BadRequest(name + " is required");
        if (!e.isJsonPrimitive()) throw new BadRequest(name + " must be a string");
        String value = e.getAsString().strip();
        if (value.isEmpty()) throw new BadRequest(name + " is required");
        if (value.length() > max) throw new BadRequest(name + " is longer than " + max + " characters");
        return value;
    }

    private static JsonObject object(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.isBlank()) return new JsonObject();
        try {
            JsonElement json = JsonParser.parseString(body);
            if (!json.isJsonObject()) throw new BadRequest("the body must be a JSON object");
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BadRequest("the body is not JSON: " + e.getMessage());
        }
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return map;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(name, value);
        }
        return map;
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", Map.of("message", message));
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static List<String> endpoints() {
        return List.of(
                "POST /partner/payments",
                "GET /partner/payments?ebpCode=&orderNo=",
                "GET|POST /control/faults",
                "GET /control/state",
                "POST /control/reset",
                "GET /control/filings[?orderNo=]");
    }
}
