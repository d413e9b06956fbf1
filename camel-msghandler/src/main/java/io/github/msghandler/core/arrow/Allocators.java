package io.github.msghandler.core.arrow;

import io.github.msghandler.core.api.MsgHandlerException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * One Arrow root allocator for the library; each encode or decode takes a child of it and closes the child, so a
 * leak shows up as an error at once instead of growing memory.
 */
final class Allocators {
    private Allocators() {
    }

    private static final class Holder {
        static final RootAllocator ROOT = new RootAllocator();
    }

    /** The library's root allocator, for memory handed to callers, who release it by closing what they got. */
    static BufferAllocator root() {
        return newChild(null);
    }

    /** A child of the root; a null name gives the root itself. */
    static BufferAllocator newChild(String name) {
        try {
            return name == null ? Holder.ROOT : Holder.ROOT.newChildAllocator(name, 0, Long.MAX_VALUE);
        } catch (LinkageError | RuntimeException e) {
            // Arrow's memory module reflects into java.nio; without the flag it fails in its static initialiser.
            throw new MsgHandlerException("Apache Arrow could not allocate memory; on JDK 17 and later start the JVM "
                    + "with --add-opens=java.base/java.nio=ALL-UNNAMED (cause: " + e + ")", e);
        }
    }
}
