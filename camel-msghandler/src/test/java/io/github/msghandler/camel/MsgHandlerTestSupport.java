package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** A Camel test with a real nats-server for the test class, and msghandler URIs that point at it. */
abstract class MsgHandlerTestSupport extends CamelTestSupport {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    /** The heap this JVM has used at its peak, in MB, for tests that prove bounded memory. */
    static long peakHeapUsedMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** Health checks on, consumers' and producers' included, as camel.health.*-enabled=true does in Camel Main. */
    static CamelContext withHealthChecks(CamelContext camelContext) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(camelContext);
        camelContext.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        HealthCheckHelper.getHealthCheckRepository(camelContext, "consumers").setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(camelContext, "producers").setEnabled(true);
        return camelContext;
    }

    /**
     * Waits until {@code received} holds everything in {@code sent}, or the timeout passes.
     *
     * @return what was sent and has not arrived
     */
    static Set<String> missingAfterWaiting(Set<String> sent, Set<String> received, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!received.containsAll(sent) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Set<String> missing = new HashSet<>(sent);
        missing.removeAll(received);
        return missing;
    }

    static String uri(String subject) {
        return uri(subject, "");
    }

    static String uri(String subject, String options) {
        return "msghandler:" + subject + "?brokerUrl=" + nats.url() + (options.isEmpty() ? "" : "&" + options);
    }
}
