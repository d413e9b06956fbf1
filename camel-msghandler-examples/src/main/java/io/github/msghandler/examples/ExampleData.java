package io.github.msghandler.examples;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/** Data the scenarios send, made on the spot (nothing large is kept in the repository), and checks on what arrived. */
public final class ExampleData {
    private ExampleData() {
    }

    /** A small PNG: a msghandler-blue square with a white bar. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x1f, 0x6f, 0xb5));
        graphics.fillRect(0, 0, 64, 64);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(8, 28, 48, 8);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A file of {@code size} pseudo-random bytes, written in chunks. */
    public static Path randomFile(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return file;
    }

    /**
     * Waits until every file holds its expected bytes (a file being written simply does not match yet).
     *
     * @throws AssertionError naming the first file that still differs after the timeout
     */
    public static void awaitFiles(java.util.Map<Path, byte[]> expected, java.time.Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Path differing = null;
            for (java.util.Map.Entry<Path, byte[]> file : expected.entrySet()) {
                if (!Files.exists(file.getKey()) || !Arrays.equals(file.getValue(), Files.readAllBytes(file.getKey()))) {
                    differing = file.getKey();
                    break;
                }
            }
            if (differing == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                assertSameContent(expected.get(differing), differing);
            }
            Thread.sleep(100);
        }
    }

    /** @throws AssertionError naming the file when it is missing or differs */
    static void assertSameContent(byte[] expected, Path actual) throws IOException {
        if (!Files.exists(actual)) {
            throw new AssertionError(actual + " did not arrive");
        }
        if (!Arrays.equals(expected, Files.readAllBytes(actual))) {
            throw new AssertionError(actual + " differs from what was sent (" + Files.size(actual) + " bytes, "
                    + expected.length + " sent)");
        }
    }

    static void assertSameContent(Path expected, Path actual) throws IOException {
        if (!Files.exists(actual)) {
            throw new AssertionError(actual + " did not arrive");
        }
        if (Files.mismatch(expected, actual) != -1) {
            throw new AssertionError(actual + " differs from " + expected);
        }
    }
}
