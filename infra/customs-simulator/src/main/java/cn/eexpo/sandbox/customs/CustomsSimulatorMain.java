package cn.eexpo.sandbox.customs;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The simulator as a program:
 *
 * <pre>
 * java -jar customs-simulator.jar [--rabbit-host=127.0.0.1] [--rabbit-port=5672] [--rabbit-user=guest]
 *      [--rabbit-password=guest] [--virtual-host=/] [--outbound-queue=eexpo.customs.outbound]
 *      [--receipt-queue=eexpo.customs.receipts] [--host=127.0.0.1] [--port=12112] [--proxy-port=5673]
 *      [--accept-ms=1000] [--entry-ms=2000] [--release-ms=3000] [--match-timeout-ms=60000]
 *      [--inspection-hold-ms=5000]
 * </pre>
 *
 * Environment variables {@code SPRING_RABBITMQ_HOST/PORT/USERNAME/PASSWORD} set the RabbitMQ defaults. It runs until
 * it is stopped (SIGTERM or Ctrl-C).
 */
public final class CustomsSimulatorMain {

    private CustomsSimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Settings s = Settings.standalone()
                .withRabbit(
                        env("SPRING_RABBITMQ_HOST", "127.0.0.1"),
                        Integer.parseInt(env("SPRING_RABBITMQ_PORT", "5672")),
                        env("SPRING_RABBITMQ_USERNAME", "guest"),
                        env("SPRING_RABBITMQ_PASSWORD", "guest"));
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                return;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) fail("unknown argument " + arg);
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            try {
                s = switch (name) {
                    case "rabbit-host" -> s.withRabbit(value, s.rabbitPort(), s.rabbitUsername(), s.rabbitPassword());
                    case "rabbit-port" ->
                        s.withRabbit(s.rabbitHost(), Integer.parseInt(value), s.rabbitUsername(), s.rabbitPassword());
                    case "rabbit-user" -> s.withRabbit(s.rabbitHost(), s.rabbitPort(), value, s.rabbitPassword());
                    case "rabbit-password" -> s.withRabbit(s.rabbitHost(), s.rabbitPort(), s.rabbitUsername(), value);
                    case "virtual-host" -> s.withVirtualHost(value);
                    case "outbound-queue" -> s.withQueues(value, s.receiptQueue());
                    case "receipt-queue" -> s.withQueues(s.outboundQueue(), value);
                    case "host" -> s.withHttp(value, s.httpPort());
                    case "port" -> s.withHttpPort(Integer.parseInt(value));
                    case "proxy-port" -> s.withProxyPort(Integer.parseInt(value));
                    case "accept-ms" -> s.withDelays(ms(value), s.entryDelay(), s.releaseDelay());
                    case "entry-ms" -> s.withDelays(s.acceptDelay(), ms(value), s.releaseDelay());
                    case "release-ms" -> s.withDelays(s.acceptDelay(), s.entryDelay(), ms(value));
                    case "match-timeout-ms" -> s.withMatchTimeout(ms(value));
                    case "inspection-hold-ms" -> s.withInspectionHold(ms(value));
                    default -> {
                        fail("unknown option --" + name);
                        yield s;
                    }
                };
            } catch (IllegalArgumentException e) {
                fail("--" + name + ": " + e.getMessage());
            }
        }
        oneLineLogs();
        CustomsSimulator simulator = CustomsSimulator.start(s);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Customs simulator listening at " + simulator.baseUrl());
        System.out.println("  consumes        " + s.outboundQueue() + " on " + s.rabbitHost() + ":" + s.rabbitPort());
        System.out.println("  receipts to     " + s.receiptQueue());
        System.out.println(
                "  AMQP proxy      " + (s.proxyPort() < 0 ? "off" : s.httpHost() + ":" + simulator.proxyPort()));
        System.out.println("  payment partner " + simulator.partnerUrl() + "/payments");
        System.out.println("  control         " + simulator.baseUrl() + "/control/state");
        stopped.await();
    }

    private static Duration ms(String value) {
        return Duration.ofMillis(Long.parseLong(value));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void oneLineLogs() {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) root.removeHandler(handler);
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
                usage: java -jar customs-simulator.jar [--rabbit-host=127.0.0.1] [--rabbit-port=5672]
                         [--rabbit-user=guest] [--rabbit-password=guest] [--virtual-host=/]
                         [--outbound-queue=eexpo.customs.outbound] [--receipt-queue=eexpo.customs.receipts]
                         [--host=127.0.0.1] [--port=12112] [--proxy-port=5673 (-1: off)]
                         [--accept-ms=1000] [--entry-ms=2000] [--release-ms=3000]
                         [--match-timeout-ms=60000] [--inspection-hold-ms=5000]""");
    }

    private static void fail(String message) {
        System.err.println("customs-simulator: " + message);
        usage();
        System.exit(2);
    }
}
