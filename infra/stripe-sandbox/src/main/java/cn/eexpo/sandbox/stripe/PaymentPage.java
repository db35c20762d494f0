package cn.eexpo.sandbox.stripe;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The page a buyer is sent to when a payment needs their action ({@code next_action}): it shows the amount
 * and the method, in Chinese and English, and has the buyer complete or decline the payment. Then it sends
 * the buyer to the PaymentIntent's {@code return_url} with Stripe's query parameters ({@code payment_intent},
 * {@code payment_intent_client_secret}, {@code redirect_status}), or shows the outcome. A {@code GET} with
 * {@code ?return_url=} gives an intent without a return URL that one, standing in for Stripe.js in the shop's page.
 */
final class PaymentPage {

    private static final Map<String, String[]> METHODS = Map.of(
            "card", new String[] {"银行卡", "Card"},
            "alipay", new String[] {"支付宝", "Alipay"},
            "wechat_pay", new String[] {"微信支付", "WeChat Pay"});

    private static final Map<String, String[]> STATUSES = Map.of(
            "requires_payment_method", new String[] {"待支付", "Awaiting payment"},
            "requires_confirmation", new String[] {"待确认", "Awaiting confirmation"},
            "requires_action", new String[] {"待验证", "Awaiting your approval"},
            "succeeded", new String[] {"支付成功", "Paid"},
            "canceled", new String[] {"已取消", "Canceled"});

    private final Ledger ledger;
    private final PaymentIntentEndpoints paymentIntents;

    PaymentPage(Ledger ledger, PaymentIntentEndpoints paymentIntents) {
        this.ledger = ledger;
        this.paymentIntents = paymentIntents;
    }

    void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/pay/".length());
        if (exchange.getRequestMethod().equalsIgnoreCase("POST")) {
            Params form =
                    Params.decode(null, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String message = null;
            String returnTo;
            try {
                returnTo = ledger.locked(() -> act(id, form.string("action"), form.string("method")));
            } catch (ApiError error) {
                message = error.getMessage();
                returnTo = null;
            }
            if (returnTo != null) {
                exchange.getResponseHeaders().set("Location", returnTo);
                exchange.sendResponseHeaders(303, -1);
                return;
            }
            page(exchange, id, message);
            return;
        }
        String returnUrl =
                Params.decode(exchange.getRequestURI().getRawQuery(), null).string("return_url");
        if (returnUrl != null && (returnUrl.startsWith("http://") || returnUrl.startsWith("https://"))) {
            ledger.locked(() -> {
                adoptReturnUrl(id, returnUrl);
                return null;
            });
        }
        page(exchange, id, null);
    }

    /**
     * A shop sends the buyer here with {@code ?return_url=} to pay an intent it did not confirm (a card, where Stripe.js
     * would confirm it with the return URL in the shop's page): the intent takes that URL when it has none yet, so that
     * the page returns the buyer to the shop as Stripe would.
     */
    private void adoptReturnUrl(String id, String returnUrl) {
        PaymentIntentRecord intent = ledger.intents.get(id);
        if (intent != null && intent.returnUrl == null && intent.awaitsPayment()) {
            intent.returnUrl = returnUrl;
        }
    }

    /** Completes or declines the payment; answers where the buyer goes next. */
    private String act(String id, @Nullable String action, @Nullable String method) {
        if ("decline".equals(action)) {
            paymentIntents.declineOnPage(id, method);
        } else {
            paymentIntents.completeOnPage(id, method);
        }
        PaymentIntentRecord intent = ledger.intent(id, "intent");
        if (intent.returnUrl == null) {
            return "/pay/" + id;
        }
        String redirectStatus = intent.status.equals("succeeded") ? "succeeded" : "failed";
        return intent.returnUrl
                + (intent.returnUrl.contains("?") ? "&" : "?")
                + "payment_intent=" + encode(intent.id)
                + "&payment_intent_client_secret=" + encode(intent.clientSecret)
                + "&redirect_status=" + redirectStatus;
    }

    private void page(HttpExchange exchange, String id, @Nullable String message) throws IOException {
        record Page(int status, String html) {}
        Page page = ledger.locked(() -> {
            PaymentIntentRecord intent = ledger.intents.get(id);
            return intent == null ? new Page(404, notFound(id)) : new Page(200, render(intent, message));
        });
        byte[] bytes = page.html().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(page.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String render(PaymentIntentRecord intent, @Nullable String message) {
        StringBuilder body = new StringBuilder();
        String[] status = STATUSES.getOrDefault(intent.status, new String[] {intent.status, intent.status});
        body.append("<p class=\"amount\">")
                .append(escape(Amounts.format(intent.currency, intent.amount)))
                .append(" <small>")
                .append(escape(intent.currency.toUpperCase(java.util.Locale.ROOT)))
                .append("</small></p>");
        if (intent.description != null) {
            body.append("<p class=\"description\">")
                    .append(escape(intent.description))
                    .append("</p>");
        }
        String orderNo = intent.metadata.get("order_no");
        if (orderNo != null) {
            body.append("<p class=\"muted\">订单号 Order ").append(escape(orderNo)).append("</p>");
        }
        body.append("<p class=\"status status-")
                .append(escape(intent.status))
                .append("\">")
                .append(escape(status[0]))
                .append(" · ")
                .append(escape(status[1]))
                .append("</p>");
        if (message != null) {
            body.append("<p class=\"error\">").append(escape(message)).append("</p>");
        }
        if (intent.lastPaymentError != null && intent.awaitsPayment()) {
            body.append("<p class=\"error\">上次支付失败 Last attempt failed: ")
                    .append(escape(String.valueOf(intent.lastPaymentError.get("message"))))
                    .append("</p>");
        }
        if (intent.awaitsPayment()) {
            body.append("<form method=\"post\" action=\"/pay/")
                    .append(escape(intent.id))
                    .append("\">");
            PaymentMethodRecord chosen = intent.status.equals("requires_action") && intent.paymentMethod != null
                    ? ledger.paymentMethods.get(intent.paymentMethod)
                    : null;
            body.append("<fieldset><legend>支付方式 Payment method</legend>");
            boolean first = true;
            for (String type : intent.paymentMethodTypes) {
                if (chosen != null && !chosen.type.equals(type)) {
                    continue;
                }
                String[] label = METHODS.getOrDefault(type, new String[] {type, type});
                body.append("<label class=\"method\"><input type=\"radio\" name=\"method\" value=\"")
                        .append(escape(type))
                        .append("\"")
                        .append(first ? " checked" : "")
                        .append("> ")
                        .append(escape(label[0]))
                        .append(" · ")
                        .append(escape(label[1]));
                if (chosen != null && type.equals("card")) {
                    body.append(" <small>•••• ")
                            .append(escape(chosen.card.last4()))
                            .append("</small>");
                }
                body.append("</label>");
                first = false;
            }
            body.append("</fieldset>");
            body.append("<div class=\"actions\">")
                    .append("<button type=\"submit\" name=\"action\" value=\"complete\" class=\"pay\">")
                    .append("完成支付 · Complete payment</button>")
                    .append("<button type=\"submit\" name=\"action\" value=\"decline\" class=\"decline\">")
                    .append("拒绝支付 · Decline</button></div></form>");
        } else if (intent.returnUrl != null) {
            body.append("<p><a href=\"").append(escape(intent.returnUrl)).append("\">返回商户 · Back to the shop</a></p>");
        }
        return document("支付 · Pay " + Amounts.format(intent.currency, intent.amount), body.toString(), intent.id);
    }

    private static String notFound(String id) {
        return document("未找到 · Not found", "<p class=\"error\">没有这笔支付 · No such payment: " + escape(id) + "</p>", "");
    }

    private static String document(String title, String body, String id) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                  :root { color-scheme: light; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; }
                  body { margin: 0; background: #f4f6fb; color: #1a1f36; }
                  main { max-width: 28rem; margin: 3rem auto; background: #fff; border-radius: 12px; padding: 2rem;
                         box-shadow: 0 4px 24px rgba(26, 31, 54, .08); }
                  header { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 1.5rem; }
                  header h1 { font-size: 1.1rem; margin: 0; }
                  .badge { font-size: .75rem; background: #fff4e5; color: #a35200; border-radius: 999px; padding: .15rem .6rem; }
                  .amount { font-size: 2.4rem; font-weight: 600; margin: 0 0 .5rem; }
                  .amount small { font-size: 1rem; color: #697386; }
                  .description { margin: 0 0 .25rem; }
                  .muted, footer { color: #697386; font-size: .85rem; }
                  .status { display: inline-block; border-radius: 6px; padding: .2rem .6rem; background: #eef1f6; }
                  .status-succeeded { background: #e3f8ec; color: #0b6b3a; }
                  .status-canceled { background: #fdecea; color: #a61b1b; }
                  .error { color: #a61b1b; background: #fdecea; border-radius: 6px; padding: .5rem .75rem; }
                  fieldset { border: 1px solid #e3e8ee; border-radius: 8px; margin: 1.25rem 0; padding: .75rem 1rem; }
                  legend { color: #697386; font-size: .85rem; }
                  .method { display: block; padding: .35rem 0; }
                  .actions { display: flex; gap: .75rem; }
                  button { flex: 1; font: inherit; border: 0; border-radius: 8px; padding: .8rem; font-size: 1rem; cursor: pointer; }
                  .pay { background: #635bff; color: #fff; }
                  .decline { background: #eef1f6; color: #1a1f36; }
                  footer { margin-top: 1.5rem; }
                </style>
                </head>
                <body><main>
                <header><h1>E博会支付 · E-Expo payment</h1><span class="badge">测试沙箱 · Sandbox</span></header>
                %s
                <footer>Stripe 沙箱，不会真实扣款 · Stripe sandbox: no real money moves. %s</footer>
                </main></body>
                </html>
                """.formatted(escape(title), body, escape(id));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
