package cn.eexpo.clearance;

import cn.eexpo.clearance.signing.DevKeystore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A development signing keystore written once per test JVM, and customs queues of this JVM's own so that test runs in
 * other checkouts never share them.
 */
public class CustomsTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    public static final String OUTBOUND = "eexpo.customs.outbound.test-" + SUFFIX;
    public static final String RECEIPTS = "eexpo.customs.receipts.test-" + SUFFIX;
    public static final Path KEYSTORE = DevKeystore.temporary();
    /** Plays customs' 179 {@code realTimeDataUpload}: keeps each {@code payExInfoStr}, answers 10000. */
    public static final Queue<String> UPLOADS = new ConcurrentLinkedQueue<>();

    private static final HttpServer UPLOAD_SERVER = uploadServer();

    private static HttpServer uploadServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/ceb2grab/grab/realTimeDataUpload", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                for (String field : form.split("&")) {
                    if (field.startsWith("payExInfoStr=")) {
                        UPLOADS.add(URLDecoder.decode(field.substring(13), StandardCharsets.UTF_8));
                    }
                }
                byte[] answer = ("{\"code\":\"10000\",\"message\":\"上传成功\",\"serviceTime\":"
                                + System.currentTimeMillis() + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "customs-test",
                        Map.of(
                                "eexpo.clearance.signing.keystore",
                                KEYSTORE.toString(),
                                "eexpo.clearance.pay179.upload-url",
                                "http://127.0.0.1:" + UPLOAD_SERVER.getAddress().getPort()
                                        + "/ceb2grab/grab/realTimeDataUpload",
                                "eexpo.clearance.amqp.outbound-queue",
                                OUTBOUND,
                                "eexpo.clearance.amqp.receipt-queue",
                                RECEIPTS)));
    }
}
