package io.github.msghandler.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker for tests, in KRaft mode: one process that is both broker and controller, on a free port of
 * loopback, with freshly formatted storage. Testcontainers' Kafka module runs the {@code apache/kafka} image when
 * a Docker engine answers; otherwise {@code kafka_2.13} from Maven Central runs in a JVM of its own, from the class
 * path that the camel-msghandler-kafka-broker module writes. Never a mock.
 */
public abstract class KafkaTestBroker implements AutoCloseable {
    /** The Kafka of camel-kafka at our Camel version, for the image as for the jars. */
    public static final String KAFKA_VERSION = "3.9.1";
    /** The system property naming the file with the broker's class path. */
    public static final String CLASSPATH_PROPERTY = "kafka.broker.classpath";

    /** {@code host:port} for {@code bootstrap.servers}. */
    public abstract String bootstrapServers();

    @Override
    public abstract void close();

    /**
     * @throws IllegalStateException when there is neither a Docker engine nor the broker's class path file
     */
    public static KafkaTestBroker start() {
        if (isTestcontainersKafkaPresent() && ContainerNatsServer.isDockerAvailable()) {
            return ContainerBroker.startContainer();
        }
        String classpathFile = System.getProperty(CLASSPATH_PROPERTY);
        if (classpathFile == null || !Files.isRegularFile(Path.of(classpathFile))) {
            throw new IllegalStateException("No Kafka broker for the tests: no Docker engine, and no broker class "
                    + "path in -D" + CLASSPATH_PROPERTY + " (" + classpathFile + "); build the "
                    + "camel-msghandler-kafka-broker module first (mvn -B -pl camel-msghandler-kafka -am verify)");
        }
        return JvmBroker.startJvm(Path.of(classpathFile));
    }

    private static boolean isTestcontainersKafkaPresent() {
        try {
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, KafkaTestBroker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The apache/kafka image, through Testcontainers' Kafka module. */
    private static final class ContainerBroker extends KafkaTestBroker {
        private final org.testcontainers.kafka.KafkaContainer container;

        private ContainerBroker(org.testcontainers.kafka.KafkaContainer container) {
            this.container = container;
        }

        static ContainerBroker startContainer() {
            org.testcontainers.kafka.KafkaContainer container =
                    new org.testcontainers.kafka.KafkaContainer("apache/kafka:" + KAFKA_VERSION);
            container.start();
            return new ContainerBroker(container);
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    /** kafka_2.13 in a JVM of its own: its Scala Jackson module accepts only the Jackson it was built with. */
    private static final class JvmBroker extends KafkaTestBroker {
        private static final long START_TIMEOUT_SECONDS = 60;

        private final Process process;
        private final int port;
        private final Path dir;

        private JvmBroker(Process process, int port, Path dir) {
            this.process = process;
            this.port = port;
            this.dir = dir;
        }

        static JvmBroker startJvm(Path classpathFile) {
            try {
                String classpath = Files.readString(classpathFile).trim();
                Path dir = Files.createTempDirectory("kafka-test-");
                int port = ServerProcesses.freePort();
                int controllerPort = ServerProcesses.freePort();
                Path config = Files.writeString(dir.resolve("server.properties"), String.join("\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=1",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=true", ""));
                Path log4j = Files.writeString(dir.resolve("log4j.properties"), String.join("\n",
                        "log4j.rootLogger=WARN, stdout",
                        "log4j.logger.kafka.server.KafkaRaftServer=INFO",
                        "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                        "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                        "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n", ""));
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                String clusterId = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(new SecureRandom().generateSeed(16));
                // "--cluster-id=": one id in 64 starts with '-', which the tool's parser takes for an option
                Process format = new ProcessBuilder(java, "-Dlog4j.configuration=file:" + log4j, "-cp", classpath,
                        "kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId,
                        "--config=" + config).redirectErrorStream(true).start();
                String formatted = new String(format.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!format.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("formatting Kafka's storage failed: " + formatted);
                }
                Process broker = new ProcessBuilder(java, "-Xmx512m", "-Dlog4j.configuration=file:" + log4j,
                        "-cp", classpath, "kafka.Kafka", config.toString()).redirectErrorStream(true).start();
                StringBuffer log = new StringBuffer();
                CountDownLatch ready = new CountDownLatch(1);
                ServerProcesses.pumpLog(broker, log, ready, "Kafka Server started", "kafka-broker-log-" + port);
                if (!ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !broker.isAlive()) {
                    broker.destroyForcibly();
                    throw new IllegalStateException("Kafka did not start within " + START_TIMEOUT_SECONDS + " s:\n"
                            + log);
                }
                return new JvmBroker(broker, port, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start Kafka", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String bootstrapServers() {
            return "127.0.0.1:" + port;
        }

        @Override
        public void close() {
            ServerProcesses.stop(process, 20, dir);
        }
    }
}
