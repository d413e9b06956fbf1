package io.github.msghandler.core;

import java.nio.charset.StandardCharsets;

/**
 * What smartpack returns: the envelope object and its JSON (the seed's {@code (env, env_json_str)}).
 */
public final class PackResult {
    private final Envelope envelope;
    private final byte[] json;

    PackResult(Envelope envelope, byte[] json) {
        this.envelope = envelope;
        this.json = json;
    }

    public Envelope envelope() {
        return envelope;
    }

    /** The envelope JSON, exactly as published. */
    public String json() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** The envelope JSON as UTF-8 bytes (a copy), exactly as published. */
    public byte[] jsonBytes() {
        return json.clone();
    }

    @Override
    public String toString() {
        return "PackResult[" + envelope + ", " + json.length + " bytes]";
    }
}
