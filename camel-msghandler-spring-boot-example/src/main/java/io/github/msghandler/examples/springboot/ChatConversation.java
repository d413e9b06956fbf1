package io.github.msghandler.examples.springboot;

import io.github.msghandler.examples.FrameworkChat;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** The chat scenario's one message ({@link FrameworkChat#hold}), with Spring's template and examples.dir. */
@Component
public class ChatConversation {
    static final String TEXT = FrameworkChat.text("Spring Boot");

    private final ProducerTemplate template;
    private final Path dir;

    public ChatConversation(ProducerTemplate template, @Value("${examples.dir}") String dir) {
        this.template = template;
        this.dir = Path.of(dir);
    }

    /** @return what arrived where */
    public String hold() throws Exception {
        return FrameworkChat.hold(template, dir, TEXT);
    }
}
