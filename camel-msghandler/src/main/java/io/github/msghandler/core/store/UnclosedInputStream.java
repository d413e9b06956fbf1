package io.github.msghandler.core.store;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Keeps an HTTP client or a {@link java.io.SequenceInputStream} from closing a stream that belongs to the caller. */
final class UnclosedInputStream extends FilterInputStream {
    UnclosedInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
