package io.github.msghandler.core.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The eight payload types of wire format v1 (section 4), with their wire names.
 */
public enum PayloadType {
    TEXT("text"),
    DICTIONARY("dictionary"),
    ARROWTABLE("arrowtable"),
    JSONTABLE("jsontable"),
    IMAGE("image"),
    AUDIO("audio"),
    VIDEO("video"),
    BINARY("binary");

    private static final PayloadType[] ALL = values();
    private static final String WIRE_NAMES = Arrays.stream(values())
            .map(PayloadType::wireName).collect(Collectors.joining(", "));

    private final String wireName;

    PayloadType(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in {@code payload_type}. */
    public String wireName() {
        return wireName;
    }

    /** True for image, audio, video and binary: payloads whose bytes are handed over unchanged. */
    public boolean isRawBytes() {
        return this == IMAGE || this == AUDIO || this == VIDEO || this == BINARY;
    }

    /**
     * The type with this wire name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the accepted names when there is none
     */
    public static PayloadType fromWireName(String name) {
        if (name != null) {
            for (PayloadType type : ALL) {   // as written, before the lenient comparison: this runs per payload
                if (type.wireName.equals(name)) {
                    return type;
                }
            }
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (PayloadType type : ALL) {
                if (type.wireName.equals(wanted)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("unknown payload type '" + name + "', expected one of " + WIRE_NAMES);
    }

    /** The accepted wire names, comma separated, for error messages. */
    public static String wireNames() {
        return WIRE_NAMES;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
