package io.github.msghandler.core.codec;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** {@code text}: a {@link String} (any {@link CharSequence} on send) as UTF-8. */
public final class TextCodec implements PayloadCodec {

    @Override
    public PayloadType type() {
        return PayloadType.TEXT;
    }

    @Override
    public PayloadContent encode(String dataname, Object value) {
        if (!(value instanceof CharSequence)) {
            throw new PayloadValueException(dataname, type().wireName(), value, "expected a String");
        }
        return PayloadContent.ofBytes(value.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object decode(PayloadContent content) throws IOException, MalformedPayloadException {
        try {
            // Strict decoding: malformed UTF-8 is an error, never silently replaced.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content.bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("text payload is not valid UTF-8", e);
        }
    }
}
