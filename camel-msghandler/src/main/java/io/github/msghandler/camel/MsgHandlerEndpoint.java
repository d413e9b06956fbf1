package io.github.msghandler.camel;

import io.github.msghandler.core.UnpackOptions;
import io.github.msghandler.core.api.EnvelopeField;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.store.ClaimCheckStore;
import io.nats.client.Connection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Send and receive msghandler envelopes over NATS: text, dictionaries, tables, images, audio, video and binary
 * shared with Julia, JavaScript, Python and MicroPython programs, large payloads through a claim-check store.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "msghandler", title = "msghandler", syntax = "msghandler:subject",
             category = { Category.MESSAGING }, headersClass = MsgHandlerConstants.class)
public class MsgHandlerEndpoint extends DefaultEndpoint implements EndpointServiceLocation, MultipleConsumersSupport {

    /**
     * The NATS subject to publish envelopes to, or to subscribe on.
     */
    @UriPath
    @Metadata(required = true)
    private String subject;

    @UriParam
    private MsgHandlerConfiguration configuration;

    private static final int NATS_DEFAULT_PORT = 4222;

    private ConnectionSettings settings;
    private Connection connection;
    private ClaimCheckStore store;
    private ExchangeBinding binding;
    private EndpointMetrics metrics = EndpointMetrics.NONE;

    public MsgHandlerEndpoint(String uri, MsgHandlerComponent component, String subject,
                              MsgHandlerConfiguration configuration) {
        super(uri, component);
        this.subject = subject;
        this.configuration = configuration;
    }

    @Override
    public MsgHandlerComponent getComponent() {
        return (MsgHandlerComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new MsgHandlerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MsgHandlerConsumer consumer = new MsgHandlerConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Several routes may consume one URI: each has a subscription of its own, so on core NATS each gets every
     * message (or, with a queueName, they share them), and on JetStream they pull from the same durable consumer
     * and share the work.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getConnection() != null) {
            connection = configuration.getConnection();
        } else {
            settings = new ConnectionSettings(configuration);
            connection = getComponent().connections().acquire(settings, getCamelContext());
        }
        SSLContext fileserverTls = configuration.getFileserverSslContextParameters() == null ? null
                : configuration.getFileserverSslContextParameters().createSSLContext(getCamelContext());
        metrics = EndpointMetrics.of(getCamelContext(), getEndpointUri(), subject);
        store = ClaimCheckStores.create(configuration, connection, fileserverTls);
        binding = new ExchangeBinding(configuration, senderFields(), connection, store,
                buildUnpackOptions(fileserverTls), metrics);
    }

    @Override
    protected void doStop() throws Exception {
        // a store built from the options (an S3 client pool) is the endpoint's to close; a user's bean is not
        if (store instanceof AutoCloseable closeable && configuration.getClaimCheckStore() == null) {
            closeable.close();
        }
        store = null;
        if (settings != null) {
            getComponent().connections().release(settings);
            settings = null;
        }
        connection = null;
        super.doStop();
    }

    /**
     * The envelope fields this endpoint's options set: every field smartpack does not set itself, from the option
     * of the field's name (reply_to_msg_id: replyToMsgId), read through the generated configurer.
     */
    private EnvelopeHeader senderFields() {
        PropertyConfigurerGetter options = new MsgHandlerEndpointConfigurer();
        EnvelopeHeader.Builder fields = EnvelopeHeader.builder();
        for (EnvelopeField field : EnvelopeField.values()) {
            if (field.origin() != EnvelopeField.Origin.PACKER) {
                field.set(fields, (String) options.getOptionValue(this, field.optionName(), false));
            }
        }
        return fields.build();
    }

    private UnpackOptions buildUnpackOptions(SSLContext fileserverTls) {
        UnpackOptions.Builder options = UnpackOptions.builder()
                // with the connection named, the options build their downloader once for the endpoint's life
                .connection(connection)
                // a store of the user's fetches its own links
                .downloadHandler(configuration.getClaimCheckStore())
                .linkSslContext(fileserverTls)
                .allowedLinkHosts(allowedLinkHosts())
                .linkReadTimeout(Duration.ofMillis(configuration.getLinkReadTimeout()))
                .maxRetries(configuration.getMaxRetries())
                .baseDelay(Duration.ofMillis(configuration.getBaseDelay()))
                .maxDelay(Duration.ofMillis(configuration.getMaxDelay()))
                .spoolThreshold(configuration.getSpoolThreshold())
                .decodeOnReceipt(false)   // the route decodes through type converters, if at all
                .retryListener(metrics);
        if (configuration.getSpoolDirectory() != null) {
            options.spoolDirectory(Path.of(configuration.getSpoolDirectory()));
        }
        if (configuration.getMaxPayloadSize() > 0) {
            options.maxPayloadSize(configuration.getMaxPayloadSize());
        }
        return options.build();
    }

    /**
     * The option's entries ({@code *}: any, an empty list for the policy); by default the origins (scheme, host and
     * port) of this endpoint's own file server and store, and the host and port of its broker, so that a link to
     * another host, or to another service on the same host, needs the user to open it on purpose.
     */
    private List<String> allowedLinkHosts() {
        String option = configuration.getAllowedLinkHosts();
        if (option != null && !option.isBlank()) {
            List<String> hosts = Arrays.stream(option.split(",")).map(String::trim).filter(h -> !h.isEmpty())
                    .toList();
            return hosts.contains("*") ? List.of() : hosts;
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String server : configuration.serverUrls()) {
            addHostAndPort(origins, server);
        }
        addHostAndPort(origins, connection.getConnectedUrl());
        addOrigin(origins, configuration.getFileserverUrl());
        store.linkLocations().forEach(location -> origins.add(location.toString()));
        return List.copyOf(origins);
    }

    /** A broker's {@code host:port} (NATS's 4222 when the URL has none): links name it over http(s), not nats. */
    private static void addHostAndPort(Set<String> allowed, String url) {
        URI uri = parse(url);
        if (uri != null && uri.getHost() != null) {
            allowed.add(uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort() : NATS_DEFAULT_PORT));
        }
    }

    /** A file server's origin, as a URL prefix that allows any path on that scheme, host and port. */
    private static void addOrigin(Set<String> allowed, String url) {
        URI uri = parse(url);
        if (uri != null && uri.getHost() != null && uri.getScheme() != null) {
            allowed.add(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + "/");
        }
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            return null; // not a URL: nothing to allow
        }
    }

    Connection connection() {
        return connection;
    }

    /** The claim-check store links are uploaded to (and, with s3DeleteAfterConsume, deleted from). */
    ClaimCheckStore store() {
        return store;
    }

    /** What this endpoint counts. */
    EndpointMetrics metrics() {
        return metrics;
    }

    /** The translation between this endpoint's exchanges and envelopes. */
    ExchangeBinding binding() {
        return binding;
    }

    @Override
    public String getServiceUrl() {
        return String.join(",", configuration.serverUrls());
    }

    @Override
    public String getServiceProtocol() {
        return "nats";
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public MsgHandlerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MsgHandlerConfiguration configuration) {
        this.configuration = configuration;
    }
}
