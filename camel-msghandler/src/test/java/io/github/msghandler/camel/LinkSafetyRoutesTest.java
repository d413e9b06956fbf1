package io.github.msghandler.camel;

import io.github.msghandler.core.LinkRefusedException;
import io.github.msghandler.testsupport.FileTestServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** By default a consumer follows links only to its own broker and file server; others must be opened on purpose. */
class LinkSafetyRoutesTest extends MsgHandlerTestSupport {
    private static final byte[] DATA = "from a foreign file server".getBytes(StandardCharsets.UTF_8);
    private static FileTestServer foreign;

    @BeforeAll
    static void startForeignServer() {
        foreign = FileTestServer.start();
        foreign.put("/shared/file", DATA);
    }

    @AfterAll
    static void stopForeignServer() {
        foreign.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead").disableRedelivery());
                from(uri("links.default")).to("mock:default");
                from(uri("links.opened", "allowedLinkHosts=localhost")).to("mock:opened");
            }
        };
    }

    /** A peer's envelope linking to a file server named "localhost", which is not this endpoint's own. */
    private static byte[] envelope() {
        String url = "http://localhost:" + URI.create(foreign.url()).getPort() + "/shared/file";
        return ("{\"payloads\":[{\"dataname\":\"f\",\"payload_type\":\"binary\",\"transport\":\"link\",\"size\":"
                + DATA.length + ",\"data\":\"" + url + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linkToAForeignHostIsRefusedByDefaultNamingTheOption() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        int fetchesBefore = foreign.getCount();

        nats.connection().publish("links.default", envelope());

        dead.assertIsSatisfied(10_000);
        Throwable cause = dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertTrue(assertInstanceOf(LinkRefusedException.class, cause).getMessage().contains("allowedLinkHosts"));
        assertEquals(fetchesBefore, foreign.getCount(), "nothing was fetched");
    }

    @Test
    void linkToAHostListedInAllowedLinkHostsIsFetched() throws Exception {
        MockEndpoint opened = getMockEndpoint("mock:opened");
        opened.expectedMessageCount(1);

        nats.connection().publish("links.opened", envelope());

        opened.assertIsSatisfied(10_000);
        assertArrayEquals(DATA, opened.getReceivedExchanges().get(0).getMessage().getBody(byte[].class));
    }
}
