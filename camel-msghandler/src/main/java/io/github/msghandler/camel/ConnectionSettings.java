package io.github.msghandler.camel;

import io.github.msghandler.core.CredentialsFile;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What identifies a NATS connection: endpoints whose settings are equal share one connection. Secrets take part in
 * equality but never in {@link #toString()}.
 */
final class ConnectionSettings {
    private final List<String> servers;
    private final String connectionName;
    private final String user;
    private final String password;
    private final String token;
    private final String nkeyPrivateKey;
    private final String credentialsFile;
    private final SSLContextParameters sslContextParameters;
    private final int maxReconnects;
    private final long reconnectWait;
    private final long connectionTimeout;

    ConnectionSettings(MsgHandlerConfiguration configuration) {
        this.servers = configuration.serverUrls();
        this.connectionName = configuration.getConnectionName();
        this.user = configuration.getUser();
        this.password = configuration.getPassword();
        this.token = configuration.getToken();
        this.nkeyPrivateKey = configuration.getNkeyPrivateKey();
        this.credentialsFile = configuration.getCredentialsFile();
        this.sslContextParameters = configuration.getSslContextParameters();
        this.maxReconnects = configuration.getMaxReconnects();
        this.reconnectWait = configuration.getReconnectWait();
        this.connectionTimeout = configuration.getConnectionTimeout();
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no NATS server: set brokerUrl or servers");
        }
    }

    List<String> servers() {
        return servers;
    }

    Options toOptions(CamelContext context) throws Exception {
        Options.Builder options = new Options.Builder()
                .servers(servers.toArray(String[]::new))
                .connectionName(connectionName)
                .maxReconnects(maxReconnects)
                .reconnectWait(Duration.ofMillis(reconnectWait))
                .connectionTimeout(Duration.ofMillis(connectionTimeout))
                .errorListener(new Slf4jErrorListener());
        if (user != null && password != null) {
            options.userInfo(user.toCharArray(), password.toCharArray());
        }
        if (token != null) {
            options.token(token.toCharArray());
        }
        if (nkeyPrivateKey != null) {
            options.authHandler(Nats.staticCredentials(null, nkeyPrivateKey.toCharArray()));
        }
        if (credentialsFile != null) {
            options.authHandler(CredentialsFile.authHandler(credentialsFile, Instant.now()));
        }
        if (sslContextParameters != null) {
            options.sslContext(sslContextParameters.createSSLContext(context));
        }
        return options.build();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ConnectionSettings)) {
            return false;
        }
        ConnectionSettings that = (ConnectionSettings) other;
        return maxReconnects == that.maxReconnects && reconnectWait == that.reconnectWait
                && connectionTimeout == that.connectionTimeout && servers.equals(that.servers)
                && Objects.equals(connectionName, that.connectionName) && Objects.equals(user, that.user)
                && Objects.equals(password, that.password) && Objects.equals(token, that.token)
                && Objects.equals(nkeyPrivateKey, that.nkeyPrivateKey) && Objects.equals(credentialsFile, that.credentialsFile)
                && sslContextParameters == that.sslContextParameters;
    }

    @Override
    public int hashCode() {
        return Objects.hash(servers, connectionName, user, credentialsFile);
    }

    /** Names the servers and which kinds of credentials are set, never their values. */
    @Override
    public String toString() {
        return "NATS " + servers + (user != null ? " user=" + user : "") + (password != null ? " password=xxxxxx" : "")
                + (token != null ? " token=xxxxxx" : "") + (nkeyPrivateKey != null ? " nkey=xxxxxx" : "")
                + (credentialsFile != null ? " credentials=" + credentialsFile : "")
                + (sslContextParameters != null ? " tls" : "");
    }
}
