package io.github.msghandler.core.wire;

import io.github.msghandler.core.api.EnvelopeField;

/**
 * The text fields whose value the writer and the layout reader keep from one envelope to the next, numbered: the
 * envelope's text fields by their order, then four of a payload's. Fields new in every message have {@link #NONE}.
 */
final class TextSlots {
    static final int NONE = -1;
    static final int DATANAME = EnvelopeField.ALL.size();
    static final int PAYLOAD_TYPE = DATANAME + 1;
    static final int TRANSPORT = DATANAME + 2;
    static final int ENCODING = DATANAME + 3;
    static final int COUNT = DATANAME + 4;

    private TextSlots() {
    }

    /** The slot of an envelope text field; {@link #NONE} for the ids a sender makes new per message. */
    static int of(EnvelopeField field) {
        return field.isNewPerMessage() ? NONE : field.ordinal();
    }
}
