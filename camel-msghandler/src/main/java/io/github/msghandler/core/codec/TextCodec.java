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
    private static final char REPLACEMENT = '\uFFFD';

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
        byte[] bytes = content.bytes();
        // The String constructor decodes ASCII and well-formed UTF-8 at memory speed, and replaces what is malformed
        // with U+FFFD: text without one is the text sent. Text with one (malformed, or a U+FFFD that was sent) is
        // decoded again strictly, which tells the two apart. The strict decoder alone was a tenth of receiving 1 KB.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return text;
        }
        try {
            // Strict decoding: malformed UTF-8 is an error, never silently replaced.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("text payload is not valid UTF-8", e);
        }
    }
}
