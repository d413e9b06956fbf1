package io.github.msghandler.core.codec;

import io.github.msghandler.core.api.PayloadType;

import java.io.IOException;

/**
 * Turns Java values of one payload type into payload bytes and back (wire format section 4).
 */
public interface PayloadCodec {

    /** The payload type this codec serves. */
    PayloadType type();

    /**
     * The payload bytes of a value.
     *
     * @throws io.github.msghandler.core.api.PayloadValueException when the value does not fit the type
     */
    PayloadContent encode(String dataname, Object value);

    /**
     * The Java value of received payload bytes, already checked against their size and sha256.
     *
     * @throws MalformedPayloadException when the bytes are not a valid payload of this type
     * @throws IOException when the bytes cannot be read
     */
    Object decode(PayloadContent content) throws IOException, MalformedPayloadException;
}
