package io.github.msghandler.core;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.arrow.ArrowTableCodec;
import io.github.msghandler.core.arrow.ArrowValues;
import io.github.msghandler.core.codec.DictionaryCodec;
import io.github.msghandler.core.codec.JsonTableCodec;
import io.github.msghandler.core.codec.PayloadCodec;
import io.github.msghandler.core.codec.RawBytesCodec;
import io.github.msghandler.core.codec.TextCodec;
import io.github.msghandler.core.codec.UnavailableCodec;

import java.util.EnumMap;
import java.util.Map;

/**
 * The codec of each payload type. Arrow is optional: without it on the classpath, {@code arrowtable} payloads are
 * refused with a message naming the artifacts, and everything else works. Arrow classes are only touched inside
 * the branches that run when Arrow is present.
 */
final class PayloadCodecs {
    static final String ARROW_ARTIFACTS = "org.apache.arrow:arrow-vector and org.apache.arrow:arrow-memory-unsafe";

    private static final Map<PayloadType, PayloadCodec> CODECS = createCodecs();

    private PayloadCodecs() {
    }

    /** The codec for a payload type; never null. */
    static PayloadCodec forType(PayloadType type) {
        return CODECS.get(type);
    }

    private static Map<PayloadType, PayloadCodec> createCodecs() {
        boolean arrow = isArrowPresent();
        Map<PayloadType, PayloadCodec> codecs = new EnumMap<>(PayloadType.class);
        codecs.put(PayloadType.TEXT, new TextCodec());
        codecs.put(PayloadType.DICTIONARY, new DictionaryCodec());
        codecs.put(PayloadType.JSONTABLE, new JsonTableCodec(arrow ? ArrowValues::rowsOfArrowValue : null));
        codecs.put(PayloadType.ARROWTABLE, arrow ? new ArrowTableCodec()
                : new UnavailableCodec(PayloadType.ARROWTABLE, ARROW_ARTIFACTS));
        for (PayloadType type : PayloadType.values()) {
            if (type.isRawBytes()) {
                codecs.put(type, new RawBytesCodec(type));
            }
        }
        return codecs;
    }

    private static boolean isArrowPresent() {
        try {
            Class.forName("org.apache.arrow.vector.VectorSchemaRoot", false, PayloadCodecs.class.getClassLoader());
            Class.forName("org.apache.arrow.memory.RootAllocator", false, PayloadCodecs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
