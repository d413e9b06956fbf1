package io.github.msghandler.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Logs how far a long upload has got, each megabyte, so a person can follow it. */
final class ProgressInputStream extends FilterInputStream {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressInputStream.class);
    private static final long STEP = 1024 * 1024;

    private final String name;
    private final long total;
    private long read;
    private long nextReport = STEP;

    ProgressInputStream(InputStream in, long total, String name) {
        super(in);
        this.total = total;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        read += n;
        if (read >= nextReport || read == total) {
            LOG.info("  {}: {} of {} MB read for upload", name, String.format("%.1f", read / 1048576.0),
                    String.format("%.1f", total / 1048576.0));
            nextReport = (read / STEP + 1) * STEP;
        }
    }
}
