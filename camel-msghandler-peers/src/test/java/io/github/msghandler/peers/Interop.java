package io.github.msghandler.peers;

import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the peer tests compare: digests, table rows and the payloads of a received envelope. */
final class Interop {
    private Interop() {
    }

    /** Table cells as JSON and JavaScript's Arrow keep them: every number a double. */
    static List<Map<String, Object>> normalized(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> copy = new HashMap<>();
            row.forEach((k, v) -> copy.put(k, v instanceof Number n ? (Object) n.doubleValue() : v));
            return copy;
        }).toList();
    }

    /** The payloads, one message each, of the one envelope the mock endpoint received. */
    @SuppressWarnings("unchecked")
    static List<Message> payloadsOfTheOnlyEnvelope(MockEndpoint endpoint) {
        return endpoint.getExchanges().get(0).getMessage().getBody(List.class);
    }
}
