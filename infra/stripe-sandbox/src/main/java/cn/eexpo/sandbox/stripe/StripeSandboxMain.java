package cn.eexpo.sandbox.stripe;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The sandbox as a program:
 *
 * <pre>
 * java -jar stripe-sandbox.jar --port=12111 --webhook-url=http://127.0.0.1:8080/api/v1/payments/stripe/webhook \
 *      --webhook-secret=whsec_... [--secret-key=sk_test_...] [--host=127.0.0.1] [--public-url=http://...]
 *      [--webhook-retry-initial-ms=200] [--webhook-retry-max-ms=5000] [--webhook-max-attempts=8]
 *      [--rate-limit=0] [--quiet]
 * </pre>
 *
 * It runs until it is stopped (SIGTERM or Ctrl-C).
 */
public final class StripeSandboxMain {

    private StripeSandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        StripeSandbox.Options options =
                StripeSandbox.Options.defaults().withPort(12111).withLogRequests(true);
        Duration retryInitial = options.webhookRetryInitialDelay();
        Duration retryMax = options.webhookRetryMaxDelay();
        int attempts = options.webhookMaxAttempts();
        int rateLimit = 0;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                return;
            }
            if (arg.equals("--quiet")) {
                options = options.withLogRequests(false);
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                fail("unknown argument " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            try {
                switch (name) {
                    case "port" -> options = options.withPort(Integer.parseInt(value));
                    case "host" -> options = options.withHost(value);
                    case "secret-key" -> options = options.withSecretKey(value);
                    case "webhook-secret" -> options = options.withWebhookSecret(value);
                    case "webhook-url" -> options = options.withWebhookUrl(value.isBlank() ? null : value);
                    case "public-url" -> options = options.withPublicUrl(value.isBlank() ? null : value);
                    case "webhook-retry-initial-ms" -> retryInitial = Duration.ofMillis(Long.parseLong(value));
                    case "webhook-retry-max-ms" -> retryMax = Duration.ofMillis(Long.parseLong(value));
                    case "webhook-max-attempts" -> attempts = Integer.parseInt(value);
                    case "rate-limit" -> rateLimit = Integer.parseInt(value);
                    default -> fail("unknown option --" + name);
                }
            } catch (IllegalArgumentException e) {
                fail("--" + name + ": " + e.getMessage());
            }
        }
        options = options.withWebhookRetries(retryInitial, retryMax, attempts);
        oneLineLogs();

        StripeSandbox sandbox = StripeSandbox.start(options);
        sandbox.faults().rateLimit(rateLimit);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println(
                "Stripe sandbox listening at " + sandbox.baseUrl() + " (API version " + sandbox.apiVersion() + ")");
        System.out.println("  secret key     any sk_test_... key, e.g. " + sandbox.secretKey());
        System.out.println("  webhook secret " + sandbox.webhookSecret());
        System.out.println("  webhooks to    "
                + (sandbox.webhookUrl() == null ? "(none; POST /_sandbox/webhook to set)" : sandbox.webhookUrl()));
        System.out.println("  payment page   " + sandbox.baseUrl() + "/pay/{payment_intent_id}");
        stopped.await();
    }

    private static void oneLineLogs() {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.INFO);
        console.setFormatter(new SimpleFormatter() {
            @Override
            public String format(LogRecord record) {
                String line = String.format(
                        Locale.ROOT,
                        "%1$tF %1$tT.%1$tL %2$-7s %3$s%n",
                        record.getMillis(),
                        record.getLevel().getName(),
                        formatMessage(record));
                if (record.getThrown() != null) {
                    var out = new java.io.StringWriter();
                    record.getThrown().printStackTrace(new java.io.PrintWriter(out));
                    line += out;
                }
                return line;
            }
        });
        root.addHandler(console);
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar stripe-sandbox.jar [--port=12111] [--host=127.0.0.1]
                         [--webhook-url=URL] [--webhook-secret=whsec_...] [--secret-key=sk_test_...]
                         [--public-url=URL] [--webhook-retry-initial-ms=200] [--webhook-retry-max-ms=5000]
                         [--webhook-max-attempts=8] [--rate-limit=REQUESTS_PER_SECOND] [--quiet]""");
    }

    private static void fail(String message) {
        System.err.println("stripe-sandbox: " + message);
        usage();
        System.exit(2);
    }
}
