package io.github.msghandler.examples.quarkus;

import io.github.msghandler.camel.MsgHandlerComponent;
import io.github.msghandler.examples.Broker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The examples' broker rule, before Camel starts its routes: the broker at {@code msghandler.example.broker-url}
 * when one answers there, else a local nats-server started for the example and stopped with it. The component
 * takes the URL found; every other option comes from application.properties.
 */
@ApplicationScoped
public class ChatBroker {
    @ConfigProperty(name = "msghandler.example.broker-url", defaultValue = "nats://localhost:4222")
    String brokerUrl;

    private Broker broker;

    /** When Camel adds the component, before any route connects: Camel Quarkus starts routes before StartupEvent. */
    void onComponentAdd(@Observes ComponentAddEvent added) {
        if (added.getComponent() instanceof MsgHandlerComponent component) {
            broker = Broker.atOrStart(brokerUrl);
            component.getConfiguration().setBrokerUrl(broker.url());
        }
    }

    /** After Camel has closed its connection: Quarkus's ShutdownEvent comes before Camel stops. */
    void onCamelStopped(@Observes CamelEvent.CamelContextStoppedEvent stopped) {
        if (broker != null) {
            broker.close();
        }
    }
}
