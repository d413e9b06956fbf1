package io.github.msghandler.karaf;

import io.github.msghandler.testsupport.NatsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Boots a real Apache Karaf 4.4 with camel-karaf's features and ours, deploys a Blueprint route that sends a
 * message by link through the Object Store and receives it, over a real nats-server, and checks what arrived.
 * Runs with {@code -Pkaraf}, which unpacks Karaf; Karaf then needs camel-karaf's bundles from Maven Central.
 */
@EnabledIfSystemProperty(named = "karaf.home", matches = ".+")
class KarafFeatureTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final Duration BOOT_AND_RUN = Duration.ofMinutes(10);
    private static final String MESSAGE = "hello from Karaf";

    private final Path karaf = Path.of(System.getProperty("karaf.home"));
    private final String version = System.getProperty("msghandler.version");

    @Test
    void featureInstallsOnCamelKarafAndARouteCarriesAMessageThroughNats() throws Exception {
        installIntoSystemRepository(Path.of(System.getProperty("msghandler.bundle")), "camel-msghandler", ".jar");
        installIntoSystemRepository(Path.of(System.getProperty("msghandler.features")), "camel-msghandler-karaf",
                "-features.xml");
        bootWithOurFeatures();
        deleteRecursively(karaf.resolve("data"));   // a fresh Karaf: no bundle cache, no log of an earlier run
        Path received = Files.createDirectories(karaf.resolve("received")).resolve("received.txt");
        Files.deleteIfExists(received);
        deployRoute(received.getParent());

        Process process = new ProcessBuilder(karaf.resolve("bin").resolve("karaf").toString(), "server")
                .directory(karaf.toFile())
                .redirectErrorStream(true)
                .redirectOutput(karaf.resolve("console.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + BOOT_AND_RUN.toNanos();
            while (!Files.exists(received) || Files.size(received) < MESSAGE.length()) {
                if (!process.isAlive()) {
                    fail("Karaf stopped with exit code " + process.exitValue() + "\n" + logTail());
                }
                List<String> unresolvable = unresolvableArtifacts();
                if (!unresolvable.isEmpty()) {
                    fail("Karaf cannot download " + unresolvable.size() + " artifacts the features need: "
                            + unresolvable);
                }
                if (System.nanoTime() > deadline) {
                    fail("no message through NATS within " + BOOT_AND_RUN + "\n" + logTail());
                }
                Thread.sleep(500);
            }
            assertEquals(MESSAGE, Files.readString(received));
        } finally {
            stop(process);
        }
    }

    /** bin/karaf starts a JVM of its own: stop it through bin/stop, then end the whole process tree. */
    private void stop(Process process) throws Exception {
        new ProcessBuilder(karaf.resolve("bin").resolve("stop").toString()).directory(karaf.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(60, TimeUnit.SECONDS);
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Puts an artifact where Karaf resolves mvn: URLs first, so the snapshot needs no remote repository. */
    private void installIntoSystemRepository(Path file, String artifactId, String suffix) throws IOException {
        Path target = karaf.resolve("system/io/github/msghandler").resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + suffix);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void bootWithOurFeatures() throws IOException {
        Path features = karaf.resolve("etc/org.apache.karaf.features.cfg");
        String cfg = Files.readString(features);
        String repository = "mvn:io.github.msghandler/camel-msghandler-karaf/" + version + "/xml/features";
        if (!cfg.contains(repository)) {
            cfg = cfg.replaceFirst("featuresRepositories *= *\\\\\\n", "featuresRepositories = \\\\\n    "
                    + repository + ", \\\\\n");
            cfg = cfg.replaceFirst("featuresBoot *= *\\\\\\n", "featuresBoot = \\\\\n    camel-blueprint, \\\\\n"
                    + "    camel-msghandler, \\\\\n");
            Files.writeString(features, cfg);
        }
        // Maven Central only: the default list also names repositories this machine cannot reach
        Path mvn = karaf.resolve("etc/org.ops4j.pax.url.mvn.cfg");
        String central = "org.ops4j.pax.url.mvn.repositories = https://repo1.maven.org/maven2@id=central";
        if (!Files.readString(mvn).contains(central)) {
            Files.writeString(mvn, Files.readString(mvn) + "\n" + central + "\n");
        }
    }

    private void deployRoute(Path outputDir) throws IOException {
        String brokerUrl = nats.url();
        Files.writeString(karaf.resolve("deploy/msghandler-karaf-check.xml"), """
                <blueprint xmlns="http://www.osgi.org/xmlns/blueprint/v1.0.0">
                  <camelContext id="msghandler-karaf-check" xmlns="http://camel.apache.org/schema/blueprint">
                    <route id="karaf-receiver">
                      <from uri="msghandler:karaf.check?brokerUrl=%1$s"/>
                      <log message="Karaf received ${body} (${header.CamelMsgHandlerTransport}) from ${header.CamelMsgHandlerSenderName}"/>
                      <to uri="file:%2$s?fileName=received.txt"/>
                    </route>
                    <route id="karaf-sender">
                      <from uri="timer:send?repeatCount=1&amp;delay=2000"/>
                      <setBody><constant>%3$s</constant></setBody>
                      <!-- sizeThreshold=5: the text goes by link, through the broker's Object Store -->
                      <to uri="msghandler:karaf.check?brokerUrl=%1$s&amp;senderName=karaf&amp;sizeThreshold=5"/>
                    </route>
                  </camelContext>
                </blueprint>
                """.formatted(brokerUrl, outputDir, MESSAGE), StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Artifacts pax-url reported it could not find: waiting longer will not bring them. */
    private List<String> unresolvableArtifacts() throws IOException {
        Path log = karaf.resolve("data/log/karaf.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        Matcher missing = Pattern.compile("Could not find artifact (\\S+)").matcher(Files.readString(log));
        Set<String> artifacts = new TreeSet<>();
        while (missing.find()) {
            artifacts.add(missing.group(1));
        }
        return List.copyOf(artifacts);
    }

    private String logTail() throws IOException {
        StringBuilder tail = new StringBuilder();
        for (Path log : List.of(karaf.resolve("data/log/karaf.log"), karaf.resolve("console.log"))) {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                tail.append("--- ").append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> tail.append(l).append('\n'));
            }
        }
        return tail.toString();
    }
}
