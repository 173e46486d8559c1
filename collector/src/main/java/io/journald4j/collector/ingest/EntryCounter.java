package io.journald4j.collector.ingest;

import io.journald4j.collector.metrics.CollectorMetrics;
import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import io.journald4j.protocol.Malformation;
import java.nio.ByteBuffer;

/**
 * Decodes each message once on the receive thread, to count its entries and its malformations
 * exactly once whatever the number of outputs; a message without a single entry journald would
 * store is not put on the ring at all.
 */
final class EntryCounter implements DecodeListener {

    private final JournalDecoder decoder = new JournalDecoder();
    private final CollectorMetrics metrics;

    EntryCounter(CollectorMetrics metrics) {
        this.metrics = metrics;
    }

    /** The number of entries journald would store from {@code message}. */
    int count(ByteBuffer message) {
        return decoder.decode(message, this);
    }

    @Override
    public void onEntry(DecodedEntry entry) {
        // Counted from decode()'s return value; the fields are written by the outputs.
    }

    @Override
    public void onMalformed(Malformation malformation) {
        metrics.recordMalformed(malformation);
    }
}
