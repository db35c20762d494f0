/**
 * A local China Customs single window for the clearance bridge: consumes DXP envelopes (CEB311/621/623/625) from
 * AMQP, checks them as customs does and answers with official-format receipts (CEB312/622/624/626/816/900); plays
 * the payment partner (HTTP) and the logistics company; injects faults, including a transport outage through its
 * AMQP proxy. {@link cn.eexpo.sandbox.customs.CustomsSimulator} is the entry point for tests, {@link
 * cn.eexpo.sandbox.customs.CustomsSimulatorMain} for the standalone server, {@link
 * cn.eexpo.sandbox.customs.CustomsSimulatorInitializer} for Spring Boot tests.
 */
@NullMarked
package cn.eexpo.sandbox.customs;

import org.jspecify.annotations.NullMarked;
