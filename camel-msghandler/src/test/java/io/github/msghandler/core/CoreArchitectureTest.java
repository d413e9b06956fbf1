package io.github.msghandler.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core stays framework-free, and Arrow and the AWS SDK stay optional by living in one package each. */
class CoreArchitectureTest {
    private static final Path CORE = Path.of("src/main/java/io/github/msghandler/core");

    @Test
    void coreImportsNothingFromCamel() throws IOException {
        assertEquals(List.of(), sourcesMentioning("org.apache.camel", CORE));
    }

    @Test
    void onlyTheArrowPackageImportsArrow() throws IOException {
        List<Path> offenders = sourcesMentioning("import org.apache.arrow", CORE).stream()
                .filter(p -> !p.startsWith(CORE.resolve("arrow")))
                .collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }

    @Test
    void onlyTheS3PackageImportsTheAwsSdk() throws IOException {
        List<Path> offenders = sourcesMentioning("import software.amazon.awssdk", Path.of("src/main/java")).stream()
                .filter(p -> !p.startsWith(CORE.resolve("s3")))
                .collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }

    private static List<Path> sourcesMentioning(String text, Path root) throws IOException {
        assertTrue(Files.isDirectory(root), "run from the module directory: " + root.toAbsolutePath());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains(text))
                    .collect(Collectors.toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
