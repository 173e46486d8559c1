package io.journald4j.entry;

import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.JournalField;
import io.journald4j.protocol.UserFieldNames;

/**
 * Writes user-supplied key-value pairs (MDC, SLF4J key-values, ThreadContext, map messages) as fields.
 *
 * <p>Every adapter goes through here, so a key maps to the same field whatever framework supplied it:
 * normalised by {@link UserFieldNames}, kept off contract fields, and a key naming {@code MESSAGE_ID}
 * with a valid id becomes the journal's {@code MESSAGE_ID}. A {@code byte[]} value is written verbatim,
 * so binary data (not valid UTF-8) reaches the journal as it is.
 */
public final class UserFields {

    private static final String USER_MESSAGE_ID = JournalField.USER_PREFIX + JournalField.MESSAGE_ID;

    private final UserFieldNames names;

    public UserFields(UserFieldNames names) {
        this.names = names;
    }

    public UserFields() {
        this(new UserFieldNames());
    }

    /** Writes one pair; a null key or value writes nothing. */
    public void write(JournalEncoder encoder, String key, Object value) {
        if (key == null || value == null) {
            return;
        }
        String name = names.fieldFor(key);
        if (name.equals(USER_MESSAGE_ID)) {
            String id = MessageId.canonical(value.toString());
            encoder.field(id != null ? JournalField.MESSAGE_ID : USER_MESSAGE_ID, id != null ? id : value.toString());
        } else if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            encoder.field(name, bytes, 0, bytes.length);
        } else if (value instanceof CharSequence) {
            encoder.field(name, (CharSequence) value);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            encoder.field(name, ((Number) value).longValue());
        } else {
            encoder.field(name, String.valueOf(value));
        }
    }
}
