package io.github.msghandler.testsupport;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real NATS cluster on loopback: three (or more) nats-server processes from PATH, routed to each other, each with
 * JetStream, its own server name and store directory. Any node can be killed as {@code kill -9} does and started
 * again on its port and store.
 */
public final class NatsTestCluster implements AutoCloseable {
    private static final String CLUSTER_NAME = "msghandler-test";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<BinaryNatsServer> nodes;

    private NatsTestCluster(List<BinaryNatsServer> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts {@code size} routed servers and waits until JetStream has a meta leader, so streams can be created.
     *
     * @throws IllegalStateException when nats-server is not on the PATH or the cluster does not form in time
     */
    public static NatsTestCluster start(int size) {
        Path binary = BinaryNatsServer.findOnPath();
        if (binary == null) {
            throw new IllegalStateException("a NATS cluster test needs the nats-server binary on the PATH "
                    + "(Debian/Ubuntu: apt-get install nats-server)");
        }
        List<BinaryNatsServer> started = new ArrayList<>();
        try {
            List<Integer> routePorts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                routePorts.add(freePort());
            }
            for (int i = 0; i < size; i++) {
                started.add(BinaryNatsServer.start(binary, List.of("-js", "-c", config(i, routePorts).toString())));
            }
            NatsTestCluster cluster = new NatsTestCluster(List.copyOf(started));
            cluster.awaitJetStream();
            return cluster;
        } catch (IOException | RuntimeException e) {
            started.forEach(BinaryNatsServer::close);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static Path config(int index, List<Integer> routePorts) throws IOException {
        String routes = routePorts.stream().map(port -> "nats-route://127.0.0.1:" + port)
                .collect(Collectors.joining(", "));
        Path file = Files.createTempFile("nats-cluster-node" + (index + 1) + "-", ".conf");
        Files.writeString(file, "server_name: " + serverName(index) + "\n"
                + "cluster {\n"
                + "  name: " + CLUSTER_NAME + "\n"
                + "  listen: 127.0.0.1:" + routePorts.get(index) + "\n"
                + "  routes: [" + routes + "]\n"
                + "}\n");
        file.toFile().deleteOnExit();
        return file;
    }

    private static String serverName(int index) {
        return "node" + (index + 1);
    }

    /** Every node's {@code nats://host:port}, comma-separated: what the {@code servers} option takes. */
    public String urls() {
        return nodes.stream().map(BinaryNatsServer::url).collect(Collectors.joining(","));
    }

    /** One node's URL. */
    public String url(int index) {
        return nodes.get(index).url();
    }

    public int size() {
        return nodes.size();
    }

    /** Ends one node at once, as {@code kill -9} does. */
    public void kill(int index) {
        nodes.get(index).kill();
    }

    /** Starts a killed node again on its port and store directory. */
    public void restart(int index) {
        nodes.get(index).restart();
    }

    /** The index of the node whose server name is given, as JetStream reports leaders. */
    public int indexOf(String serverName) {
        for (int i = 0; i < nodes.size(); i++) {
            if (serverName(i).equals(serverName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node named " + serverName + " in this cluster");
    }

    /** The index of the node whose URL a connection is connected to. */
    public int indexOfUrl(String connectedUrl) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).url().equals(connectedUrl)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node at " + connectedUrl + " in this cluster");
    }

    /** The index of the node that leads a stream now. */
    public int streamLeader(String stream) {
        try (Connection connection = connect()) {
            StreamInfo info = connection.jetStreamManagement().getStreamInfo(stream);
            return indexOf(info.getClusterInfo().getLeader());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot ask the cluster who leads stream " + stream, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new connection to the cluster (any node, failing over to the others); the caller closes it. */
    public Connection connect() {
        try {
            return Nats.connect(new Options.Builder().servers(urls().split(","))
                    .connectionTimeout(Duration.ofSeconds(10)).maxReconnects(-1).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to the test cluster at " + urls(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until JetStream answers through the cluster, which needs routes and an elected meta leader. */
    private void awaitJetStream() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Connection connection = connect()) {
            while (System.nanoTime() < deadline) {
                try {
                    connection.jetStreamManagement().getAccountStatistics();
                    return;
                } catch (IOException | JetStreamApiException e) {
                    last = e;
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the NATS cluster's JetStream did not become ready within "
                + READY_TIMEOUT.toSeconds() + " s: " + last + "\n" + nodes.get(0).log());
    }

    /** The nodes' logs, for failure messages. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            all.append("--- ").append(serverName(i)).append('\n').append(nodes.get(i).log());
        }
        return all.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        nodes.forEach(BinaryNatsServer::close);
    }
}
