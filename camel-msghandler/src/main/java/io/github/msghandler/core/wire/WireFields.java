package io.github.msghandler.core.wire;

import io.github.msghandler.core.api.EnvelopeField;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JSON field names of wire format v1 besides the envelope's text fields (those are {@link EnvelopeField}), in
 * the order this library writes them.
 */
public final class WireFields {
    public static final String METADATA = "metadata";
    public static final String PAYLOADS = "payloads";

    public static final String ID = "id";
    public static final String DATANAME = "dataname";
    public static final String PAYLOAD_TYPE = "payload_type";
    public static final String TRANSPORT = "transport";
    public static final String ENCODING = "encoding";
    public static final String SIZE = "size";
    public static final String DATA = "data";

    /** Every field of the envelope object, in order. */
    public static final List<String> ENVELOPE_FIELDS = Stream.concat(
            Arrays.stream(EnvelopeField.values()).map(EnvelopeField::wireName), Stream.of(METADATA, PAYLOADS))
            .toList();
    /** Every field of a payload object, in order. */
    public static final List<String> PAYLOAD_FIELDS = List.of(ID, DATANAME, PAYLOAD_TYPE, TRANSPORT, ENCODING, SIZE,
            DATA, METADATA);

    private WireFields() {
    }
}
