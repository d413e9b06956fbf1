package io.github.msghandler.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2, file-drop bridge: files dropped in {@code dropbox/} cross NATS (the 3 MB one through the claim-check
 * store) and land in {@code landed/} with their names and bytes intact.
 */
final class FileDropBridgeScenario implements Scenario {

    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public String description() {
        return "files dropped in dropbox/ cross NATS and land in landed/ with the same names and bytes";
    }

    @Override
    public void addRoutes(Main main) {
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:{{examples.dir}}/dropbox?initialDelay=0&delay=200&delete=true").routeId("bridge-sender")
                        .log("Sending ${header.CamelFileName} (${header.CamelFileLength} bytes)")
                        .to("msghandler:files.bridge?sizeThreshold=1000000");

                from("msghandler:files.bridge").routeId("bridge-receiver")
                        .log("Landed ${header.CamelFileName}: ${header.CamelMsgHandlerTransport}, "
                                + "${header.CamelMsgHandlerPayloadSize} bytes")
                        .to("file:{{examples.dir}}/landed");
            }
        });
    }

    @Override
    public String drive(CamelContext camel, Path dir) throws Exception {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path dropbox = Files.createDirectories(dir.resolve("dropbox"));
        List<Path> files = List.of(
                ExampleData.randomFile(staging.resolve("notes.txt"), 2_000, 21),
                ExampleData.randomFile(staging.resolve("photo.jpg"), 200_000, 22),
                ExampleData.randomFile(staging.resolve("scan.pdf"), 3_000_000, 23));
        NotifyBuilder landed = new NotifyBuilder(camel).fromRoute("bridge-receiver").whenDone(files.size()).create();

        Path originals = Files.createDirectories(dir.resolve("originals"));
        for (Path file : files) {
            Files.copy(file, originals.resolve(file.getFileName()));
            // a move, so the file consumer never sees a half-written file
            Files.move(file, dropbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }

        if (!landed.matches(60, TimeUnit.SECONDS)) {
            throw new AssertionError("not every dropped file landed within 60 s");
        }
        for (Path file : files) {
            ExampleData.assertSameContent(originals.resolve(file.getFileName()),
                    dir.resolve("landed").resolve(file.getFileName()));
        }
        return files.size() + " files landed in " + dir.resolve("landed") + " with their names and bytes";
    }
}
