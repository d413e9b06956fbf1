package io.github.msghandler.camel;

import io.github.msghandler.core.api.LinkRefusedException;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * By default a consumer follows links only to the origins of its own file server and broker (scheme, host and
 * port); others, including another service on the file server's host, must be opened on purpose.
 */
class LinkSafetyRoutesTest extends MsgHandlerTestSupport {
    private static final byte[] DATA = "from a foreign file server".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OWN = "from the endpoint's own file server".getBytes(StandardCharsets.UTF_8);
    @RegisterExtension
    static ServerExtension<FileTestServer> foreign = ServerExtension.of(FileTestServer::start);
    @RegisterExtension
    static ServerExtension<FileTestServer> own = ServerExtension.of(FileTestServer::start);

    @BeforeAll
    static void startServers() {
        foreign.get().put("/shared/file", DATA);
        own.get().put("/files/own", OWN);
        // same host as the endpoint's file server, another port: another service on that machine
        own.get().redirect("/files/elsewhere", "http://127.0.0.1:" + foreign.get().port() + "/shared/file");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead").disableRedelivery());
                from(uri("links.default")).to("mock:default");
                from(uri("links.opened", "allowedLinkHosts=localhost")).to("mock:opened");
                from(uri("links.origin", "store=http&fileserverUrl=http://127.0.0.1:" + own.get().port()))
                        .to("mock:origin");
                from(uri("links.hostport", "allowedLinkHosts=127.0.0.1:" + foreign.get().port())).to("mock:hostport");
            }
        };
    }

    /** A peer's envelope linking to a file server named "localhost", which is not this endpoint's own. */
    private static byte[] envelope() {
        return envelope("http://localhost:" + foreign.get().port() + "/shared/file", DATA.length);
    }

    private static byte[] envelope(String url, int size) {
        return ("{\"payloads\":[{\"dataname\":\"f\",\"payload_type\":\"binary\",\"transport\":\"link\",\"size\":"
                + size + ",\"data\":\"" + url + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefusedWithoutFetching(String subject, byte[] envelope, FileTestServer notFetched)
            throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        int fetchesBefore = notFetched.getCount();

        nats.connection().publish(subject, envelope);

        dead.assertIsSatisfied(10_000);
        Throwable cause = dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertTrue(assertInstanceOf(LinkRefusedException.class, cause).getMessage().contains("allowedLinkHosts"));
        assertEquals(fetchesBefore, notFetched.getCount(), "nothing was fetched from " + notFetched.url());
    }

    @Test
    void linkToTheOwnFileServersOriginIsFetched() throws Exception {
        MockEndpoint origin = getMockEndpoint("mock:origin");
        origin.expectedMessageCount(1);

        nats.connection().publish("links.origin", envelope(own.get().url() + "/files/own", OWN.length));

        origin.assertIsSatisfied(10_000);
        assertArrayEquals(OWN, origin.getReceivedExchanges().get(0).getMessage().getBody(byte[].class));
    }

    @Test
    void linkToTheOwnFileServersHostOnAnotherPortIsRefused() throws Exception {
        assertRefusedWithoutFetching("links.origin",
                envelope("http://127.0.0.1:" + foreign.get().port() + "/shared/file", DATA.length), foreign.get());
    }

    @Test
    void redirectFromTheOwnFileServerToAnotherPortOnItsHostIsRefused() throws Exception {
        assertRefusedWithoutFetching("links.origin", envelope(own.get().url() + "/files/elsewhere", DATA.length),
                foreign.get());
    }

    @Test
    void anAllowedHostAndPortEntryOpensExactlyThatPort() throws Exception {
        MockEndpoint hostport = getMockEndpoint("mock:hostport");
        hostport.expectedMessageCount(1);

        nats.connection().publish("links.hostport",
                envelope("http://127.0.0.1:" + foreign.get().port() + "/shared/file", DATA.length));

        hostport.assertIsSatisfied(10_000);
        assertArrayEquals(DATA, hostport.getReceivedExchanges().get(0).getMessage().getBody(byte[].class));
        assertRefusedWithoutFetching("links.hostport", envelope(own.get().url() + "/files/own", OWN.length), own.get());
    }

    @Test
    void linkToAForeignHostIsRefusedByDefaultNamingTheOption() throws Exception {
        assertRefusedWithoutFetching("links.default", envelope(), foreign.get());
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
