package io.journald4j.entry;

import io.journald4j.protocol.JournalEncoder;

/**
 * The per-event scratch an adapter fills: an encoder and a text builder for stack traces and layouts.
 *
 * <p>Pooled by {@link EntryBufferPool} and reused, so that steady-state logging allocates nothing.
 */
public final class EntryBuffer {

    private static final int RETAINED_TEXT_CAPACITY = 64 * 1024;

    private final JournalEncoder encoder;
    private StringBuilder text = new StringBuilder(1024);

    public EntryBuffer(int maxEntrySize) {
        this.encoder = new JournalEncoder(JournalEncoder.DEFAULT_INITIAL_CAPACITY, maxEntrySize);
    }

    public JournalEncoder encoder() {
        return encoder;
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
