package cn.eexpo.sandbox.customs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class CustomsSimulatorInitializerTest {

    @Test
    void pointsTheApplicationAtOneSimulatorPerJvmAndRegistersIt() {
        try (var context = new GenericApplicationContext()) {
            new CustomsSimulatorInitializer().initialize(context);
            context.refresh();
            CustomsSimulator simulator = CustomsSimulatorInitializer.simulator();
            var environment = context.getEnvironment();
            assertThat(environment.getProperty("eexpo.clearance.amqp.host")).isEqualTo("127.0.0.1");
            assertThat(environment.getProperty("eexpo.clearance.amqp.port", Integer.class))
                    .isEqualTo(simulator.proxyPort());
            assertThat(environment.getProperty("eexpo.clearance.amqp.outbound-queue"))
                    .startsWith("eexpo.customs.outbound.")
                    .isEqualTo(simulator.outboundQueue());
            assertThat(environment.getProperty("eexpo.clearance.amqp.receipt-queue"))
                    .startsWith("eexpo.customs.receipts.")
                    .isEqualTo(simulator.receiptQueue());
            assertThat(environment.getProperty("eexpo.clearance.payment-partner.url"))
                    .isEqualTo(simulator.baseUrl() + "/partner");
            assertThat(context.getBean(CustomsSimulator.class)).isSameAs(simulator);
        }
        // A second context in the same JVM gets the same simulator.
        try (var context = new GenericApplicationContext()) {
            new CustomsSimulatorInitializer().initialize(context);
            context.refresh();
            assertThat(context.getBean("customsSimulator")).isSameAs(CustomsSimulatorInitializer.simulator());
        }
    }
}
