package io.github.msghandler.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;

/** The official {@code nats} image through Testcontainers (which has no NATS module: a generic container). */
final class ContainerNatsServer implements NatsTestServer {
    private static final DockerImageName IMAGE = DockerImageName.parse("nats:2.10-alpine");
    private static final int CLIENT_PORT = 4222;
    private static Boolean dockerAvailable;

    private final GenericContainer<?> container;

    private ContainerNatsServer(GenericContainer<?> container) {
        this.container = container;
    }

    /** Asks Testcontainers only when a Docker endpoint is configured at all, so machines without one stay quick. */
    static synchronized boolean isDockerAvailable() {
        if (dockerAvailable == null) {
            boolean endpoint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
            dockerAvailable = endpoint && probe();
        }
        return dockerAvailable;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ContainerNatsServer start(boolean jetStream) {
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withExposedPorts(CLIENT_PORT)
                .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
        if (jetStream) {
            container.withCommand("-js");
        }
        container.start();
        return new ContainerNatsServer(container);
    }

    @Override
    public String url() {
        return "nats://" + container.getHost() + ":" + container.getMappedPort(CLIENT_PORT);
    }

    @Override
    public void close() {
        container.stop();
    }
}
