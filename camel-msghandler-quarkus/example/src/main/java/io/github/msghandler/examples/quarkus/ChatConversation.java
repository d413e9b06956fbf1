package io.github.msghandler.examples.quarkus;

import io.github.msghandler.examples.FrameworkChat;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * The chat scenario's one message ({@link FrameworkChat#hold}) once Camel has started, then the end of the
 * application (status 0, or 1 when the payloads did not arrive).
 */
@ApplicationScoped
public class ChatConversation {
    static final String TEXT = FrameworkChat.text("Quarkus");
    private static final Logger LOG = Logger.getLogger(ChatConversation.class);

    @Inject
    ProducerTemplate template;

    @ConfigProperty(name = "examples.dir")
    String dir;

    void onCamelStarted(@Observes CamelEvent.CamelContextStartedEvent started) {
        // once Camel's routes run (Camel Quarkus starts them after the application's StartupEvent), and not on
        // the starting thread, which has more to do while this waits
        Thread conversation = new Thread(() -> {
            try {
                LOG.infof("Quarkus chat example: %s", hold());
                Quarkus.asyncExit(0);
            } catch (Exception e) {
                LOG.error("The Quarkus chat example failed", e);
                Quarkus.asyncExit(1);
            }
        }, "chat-conversation");
        conversation.start();
    }

    /** @return what arrived where */
    String hold() throws Exception {
        return FrameworkChat.hold(template, Path.of(dir), TEXT);
    }
}
