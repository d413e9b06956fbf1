package io.github.msghandler.core.wire;

import java.util.List;

/** The JSON field names of wire format v1, in the order this library writes them. */
public final class WireFields {
    public static final String CORRELATION_ID = "correlation_id";
    public static final String MSG_ID = "msg_id";
    public static final String TIMESTAMP = "timestamp";
    public static final String SEND_TO = "send_to";
    public static final String MSG_PURPOSE = "msg_purpose";
    public static final String SENDER_NAME = "sender_name";
    public static final String SENDER_ID = "sender_id";
    public static final String RECEIVER_NAME = "receiver_name";
    public static final String RECEIVER_ID = "receiver_id";
    public static final String REPLY_TO = "reply_to";
    public static final String REPLY_TO_MSG_ID = "reply_to_msg_id";
    public static final String BROKER_URL = "broker_url";
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
    public static final List<String> ENVELOPE_FIELDS = List.of(CORRELATION_ID, MSG_ID, TIMESTAMP, SEND_TO,
            MSG_PURPOSE, SENDER_NAME, SENDER_ID, RECEIVER_NAME, RECEIVER_ID, REPLY_TO, REPLY_TO_MSG_ID, BROKER_URL,
            METADATA, PAYLOADS);
    /** Every field of a payload object, in order. */
    public static final List<String> PAYLOAD_FIELDS = List.of(ID, DATANAME, PAYLOAD_TYPE, TRANSPORT, ENCODING, SIZE,
            DATA, METADATA);

    private WireFields() {
    }
}
