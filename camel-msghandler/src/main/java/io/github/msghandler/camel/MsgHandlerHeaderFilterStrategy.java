package io.github.msghandler.camel;

import io.github.msghandler.core.EncodedEnvelope;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

import java.util.HashSet;
import java.util.List;

/**
 * The default filter between Camel headers and NATS headers. In both directions it keeps out Camel's internal headers
 * ({@code Camel*}, {@code camel*}, {@code org.apache.camel.*}, in any letter case, so an outside publisher cannot set
 * {@code CamelFileName} or any of our {@code CamelMsgHandler*} envelope headers) and {@code Nats-Msg-Id}, which only
 * the component sets, to the envelope's own msg id.
 */
public class MsgHandlerHeaderFilterStrategy extends DefaultHeaderFilterStrategy {
    /** Lower case, since names are compared lower-cased; Camel's own CAMEL_FILTER_STARTS_WITH lacks the package. */
    private static final String[] INTERNAL_PREFIXES = {"camel", "org.apache.camel."};

    public MsgHandlerHeaderFilterStrategy() {
        // Camel's header map ignores case, so a lower-cased "camelfilename" would still reach CamelFileName
        setLowerCase(true);
        setCaseInsensitive(true);
        setOutFilterStartsWith(INTERNAL_PREFIXES);
        setInFilterStartsWith(INTERNAL_PREFIXES);
        setOutFilter(new HashSet<>(List.of(EncodedEnvelope.NATS_MSG_ID)));
        setInFilter(new HashSet<>(List.of(EncodedEnvelope.NATS_MSG_ID)));
    }
}
