package io.journald4j.entry;

import io.journald4j.protocol.JournalEncoder;
import java.util.function.BiConsumer;

/**
 * The per-event scratch an adapter fills: an encoder and a text builder for stack traces and layouts.
 *
 * <p>Pooled by {@link EntryBufferPool} and reused, so that steady-state logging allocates nothing.
 */
public final class EntryBuffer {

    private static final int RETAINED_TEXT_CAPACITY = 64 * 1024;

    private final JournalEncoder encoder;
    private final UserFieldWriter userFieldWriter = new UserFieldWriter();
    private StringBuilder text = new StringBuilder(1024);

    /** Writes each pair it is given as a user field of this buffer's entry; reused, so {@code map.forEach} allocates nothing. */
    private final class UserFieldWriter implements BiConsumer<String, Object> {
        UserFields fields;

        @Override
        public void accept(String key, Object value) {
            fields.write(encoder, key, value);
        }
    }

    public EntryBuffer(int maxEntrySize) {
        this.encoder = new JournalEncoder(JournalEncoder.DEFAULT_INITIAL_CAPACITY, maxEntrySize);
    }

    public JournalEncoder encoder() {
        return encoder;
    }

    /**
     * A reused consumer that writes key-value pairs through {@code fields} into this entry: pass it
     * to {@code Map.forEach}, which, unlike iterating {@code entrySet()} of a read-only wrapper,
     * allocates nothing.
     */
    public BiConsumer<String, Object> userFieldWriter(UserFields fields) {
        userFieldWriter.fields = fields;
        return userFieldWriter;
    }

    /** An empty builder for one text value; the previous value's text is discarded. */
    public StringBuilder text() {
        if (text.capacity() > RETAINED_TEXT_CAPACITY) {
            text = new StringBuilder(1024);
        } else {
            text.setLength(0);
        }
        return text;
    }

    EntryBuffer reset() {
        encoder.reset();
        return this;
    }
}
