package io.github.msghandler.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The {@code msghandler:} component. Its configuration holds defaults that every endpoint starts from, and it keeps
 * one NATS connection per distinct set of connection options, shared by its endpoints.
 */
@Component("msghandler")
public class MsgHandlerComponent extends DefaultComponent {

    /**
     * Defaults for every endpoint of this component.
     */
    @Metadata
    private MsgHandlerConfiguration configuration = new MsgHandlerConfiguration();

    private final SharedConnections connections = new SharedConnections();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("a msghandler endpoint needs a subject: msghandler:<subject>");
        }
        MsgHandlerEndpoint endpoint = new MsgHandlerEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        ReceivedPayloadConverters.register(getCamelContext().getTypeConverterRegistry());
    }

    SharedConnections connections() {
        return connections;
    }

    @Override
    protected void doStop() throws Exception {
        connections.closeAll();
        super.doStop();
    }

    public MsgHandlerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MsgHandlerConfiguration configuration) {
        this.configuration = configuration;
    }
}
