package io.github.msghandler.core;

import io.github.msghandler.testsupport.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reply inbox against a real nats-server: answers, timeouts found by its sweep, answers that come too late. */
@Timeout(60)
class ReplyInboxTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private ExecutorService threads;
    private ReplyInbox inbox;

    @BeforeEach
    void start() {
        threads = Executors.newFixedThreadPool(2);
        inbox = ReplyInbox.start(nats.connection(), 2, threads);
    }

    @AfterEach
    void stop() throws InterruptedException {
        inbox.close();
        threads.shutdown();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "the inbox's threads did not end");
    }

    private static Message request(String subject, String text) {
        return NatsMessage.builder().subject(subject).data(text.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void requestsOfOneInboxEachGetTheirOwnAnswer() throws Exception {
        Connection responder = nats.connection();
        Dispatcher echo = responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
        echo.subscribe("inbox.echo");
        responder.flush(Duration.ofSeconds(5));
        try {
            List<CompletableFuture<Message>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(inbox.request(request("inbox.echo", "request " + i), Duration.ofSeconds(10)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals("request " + i, new String(answers.get(i).get(10, TimeUnit.SECONDS).getData(),
                        StandardCharsets.UTF_8));
            }
        } finally {
            responder.closeDispatcher(echo);
        }
    }

    @Test
    void aRequestNobodyAnswersTimesOutByTheSweepAndItsLateAnswerIsDropped() throws Exception {
        Connection responder = nats.connection();
        CompletableFuture<Message> received = new CompletableFuture<>();
        Dispatcher silent = responder.createDispatcher(received::complete);   // takes the request, answers nothing
        silent.subscribe("inbox.silent");
        responder.flush(Duration.ofSeconds(5));
        try {
            long start = System.nanoTime();
            CompletableFuture<Message> answer = inbox.request(request("inbox.silent", "anyone?"),
                    Duration.ofMillis(200));
            ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            TimeoutException timeout = assertInstanceOf(TimeoutException.class, e.getCause());
            assertEquals("no answer on 'inbox.silent' within 200 ms", timeout.getMessage());
            // not earlier than asked; and on the inbox's own sweep, not jnats's request cleanup every 5 s
            assertTrue(tookMillis >= 200 && tookMillis < 5_000, "timed out after " + tookMillis + " ms");

            // the answer that comes now finds nobody waiting, and the next request is answered as usual
            responder.publish(received.get(10, TimeUnit.SECONDS).getReplyTo(),
                    "too late".getBytes(StandardCharsets.UTF_8));
            Dispatcher echo = responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
            echo.subscribe("inbox.echo2");
            responder.flush(Duration.ofSeconds(5));
            assertEquals("again", new String(inbox.request(request("inbox.echo2", "again"), Duration.ofSeconds(10))
                    .get(10, TimeUnit.SECONDS).getData(), StandardCharsets.UTF_8));
            responder.closeDispatcher(echo);
        } finally {
            responder.closeDispatcher(silent);
        }
    }
}
