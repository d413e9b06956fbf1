package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing outlives the CamelContext: after stop, the threads that run are those that ran before start, whatever
 * the routes used (core and JetStream consumers, confirmed sends, a request, a link through the Object Store) and
 * however many connections they opened.
 */
class LifecycleTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    /** How long a thread told to end at stop may take to finish its last instructions. */
    private static final long THREAD_END_MILLIS = 2_000;

    @Test
    @Timeout(120)
    void stoppingTheContextEndsEveryThreadItStarted() throws Exception {
        // the JDK's one scheduler for CompletableFuture.orTimeout starts with the first timeout and lives with the JVM
        new CompletableFuture<>().orTimeout(1, TimeUnit.MILLISECONDS);
        Set<Thread> before = liveThreads();

        for (int round = 0; round < 2; round++) {   // a second start opens new connections: a leak would add up
            CamelContext context = new DefaultCamelContext();
            CountDownLatch received = new CountDownLatch(3);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String broker = "brokerUrl=" + nats.url();
                    from("msghandler:life.core?" + broker).process(e -> received.countDown());
                    from("msghandler:life.js?jetstream=true&createStream=true&stream=LIFE&" + broker + "&connectionName=js")
                            .process(e -> received.countDown());
                    from("msghandler:life.request?concurrentConsumers=2&" + broker).transform(constant("pong"));
                    from("msghandler:life.link?sizeThreshold=10&" + broker).process(e -> received.countDown());
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String broker = "brokerUrl=" + nats.url();
            template.sendBody("msghandler:life.core?confirmPublish=true&" + broker, "core");
            template.sendBody("msghandler:life.js?jetstream=true&createStream=true&stream=LIFE&" + broker + "&connectionName=js",
                    "jetstream");
            template.sendBody("msghandler:life.link?sizeThreshold=10&" + broker, "a payload sent by link");
            assertEquals("pong", template.requestBody("msghandler:life.request?" + broker, "ping", String.class));
            assertTrue(received.await(30, TimeUnit.SECONDS), "every route received its message");
            context.stop();
        }

        Set<Thread> left = threadsLeftBesides(before);
        assertEquals(List.of(), left.stream().map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .sorted().collect(Collectors.toList()), "threads still running after the context stopped");
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** The threads started since {@code before} that do not end within {@link #THREAD_END_MILLIS}. */
    static Set<Thread> threadsLeftBesides(Set<Thread> before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + THREAD_END_MILLIS;
        Set<Thread> left = new HashSet<>();
        for (Thread thread : liveThreads()) {
            if (before.contains(thread)) {
                continue;
            }
            thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (thread.isAlive()) {
                left.add(thread);
            }
        }
        return left;
    }
}
