package io.github.msghandler.core.api;

/**
 * How a payload travels (wire format section 5): inside the envelope, or as a link to a claim-check store.
 */
public enum Transport {
    /** Payload bytes in base64 inside the envelope. */
    DIRECT("direct", "base64"),
    /** Only a URL travels; the bytes are in a claim-check store. */
    LINK("link", "none");

    private final String wireName;
    private final String encoding;

    Transport(String wireName, String encoding) {
        this.wireName = wireName;
        this.encoding = encoding;
    }

    /** The name written in {@code transport}. */
    public String wireName() {
        return wireName;
    }

    /** The {@code encoding} that goes with this transport. */
    public String encoding() {
        return encoding;
    }

    /**
     * @throws IllegalArgumentException when the name is neither {@code direct} nor {@code link}
     */
    public static Transport fromWireName(String name) {
        for (Transport transport : values()) {
            if (transport.wireName.equals(name)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + name + "', expected direct or link");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
