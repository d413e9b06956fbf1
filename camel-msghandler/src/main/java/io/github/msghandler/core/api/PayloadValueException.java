package io.github.msghandler.core.api;

/**
 * A value given to smartpack does not fit its payload type (or the type is unknown).
 */
public class PayloadValueException extends MsgHandlerException {
    private static final long serialVersionUID = 1L;

    private final String dataname;
    private final String payloadType;
    private final String valueClass;

    /**
     * @param dataname the payload's name
     * @param payloadType the type asked for, as given
     * @param value the value that was refused (only its class is kept)
     * @param expected what the type accepts
     */
    public PayloadValueException(String dataname, String payloadType, Object value, String expected) {
        this(dataname, payloadType, value, expected, null);
    }

    public PayloadValueException(String dataname, String payloadType, Object value, String expected,
                                 Throwable cause) {
        super("payload '" + dataname + "' of type " + payloadType + " cannot take a value of class "
                + className(value) + ": " + expected, cause);
        this.dataname = dataname;
        this.payloadType = payloadType;
        this.valueClass = className(value);
    }

    private static String className(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    public String dataname() {
        return dataname;
    }

    public String payloadType() {
        return payloadType;
    }

    /** The class name of the refused value, or {@code null} when the value was null. */
    public String valueClass() {
        return valueClass;
    }
}
