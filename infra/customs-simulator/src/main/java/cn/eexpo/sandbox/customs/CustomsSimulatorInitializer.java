package cn.eexpo.sandbox.customs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For Spring Boot tests: one customs simulator for the whole test JVM, on queues with a random suffix (so that test
 * runs side by side never share queues), HTTP and the AMQP proxy on free ports. It points the application at it:
 *
 * <ul>
 *   <li>{@code eexpo.clearance.amqp.host} / {@code .port}: the simulator's AMQP proxy (so tests can cut the
 *       transport), {@code .username} / {@code .password}: RabbitMQ's;
 *   <li>{@code eexpo.clearance.amqp.outbound-queue} / {@code .receipt-queue}: the suffixed queue names;
 *   <li>{@code eexpo.clearance.payment-partner.url}: {@code http://127.0.0.1:<port>/partner}.
 * </ul>
 *
 * Its queues are deleted when the JVM ends. The simulator is registered as the bean {@code customsSimulator} and is also {@link #simulator()}. RabbitMQ comes
 * from {@code SPRING_RABBITMQ_HOST/PORT/USERNAME/PASSWORD} (default 127.0.0.1:5672 guest/guest).
 */
public class CustomsSimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static volatile CustomsSimulator simulator;

    /** The simulator of this test JVM, started on first use. */
    public static CustomsSimulator simulator() {
        CustomsSimulator s = simulator;
        if (s == null) {
            synchronized (CustomsSimulatorInitializer.class) {
                s = simulator;
                if (s == null) {
                    String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
                    s = CustomsSimulator.start(Settings.defaults()
                            .withRabbit(
                                    env("SPRING_RABBITMQ_HOST", "127.0.0.1"),
                                    Integer.parseInt(env("SPRING_RABBITMQ_PORT", "5672")),
                                    env("SPRING_RABBITMQ_USERNAME", "guest"),
                                    env("SPRING_RABBITMQ_PASSWORD", "guest"))
                            .withQueueSuffix(suffix));
                    CustomsSimulator started = s;
                    Runtime.getRuntime()
                            .addShutdownHook(new Thread(
                                    () -> {
                                        try {
                                            started.deleteQueues();
                                        } catch (RuntimeException e) {
                                            // the broker may be gone already
                                        }
                                        started.close();
                                    },
                                    "customs-simulator-stop"));
                    simulator = s;
                }
            }
        }
        return s;
    }

    /** The properties that point an application at {@code simulator}. */
    public static Map<String, Object> properties(CustomsSimulator simulator) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("eexpo.clearance.amqp.enabled", true);
        properties.put("eexpo.clearance.amqp.host", simulator.proxyHost());
        properties.put("eexpo.clearance.amqp.port", simulator.proxyPort());
        properties.put("eexpo.clearance.amqp.username", simulator.settings().rabbitUsername());
        properties.put("eexpo.clearance.amqp.password", simulator.settings().rabbitPassword());
        properties.put("eexpo.clearance.amqp.outbound-queue", simulator.outboundQueue());
        properties.put("eexpo.clearance.amqp.receipt-queue", simulator.receiptQueue());
        properties.put("eexpo.clearance.payment-partner.url", simulator.partnerUrl());
        return properties;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        CustomsSimulator s = simulator();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("customs-simulator", properties(s)));
        if (!context.getBeanFactory().containsSingleton("customsSimulator")) {
            context.getBeanFactory().registerSingleton("customsSimulator", s);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
