package io.journald4j.collector.output;

import io.journald4j.protocol.DecodedEntry;

/** Formats one entry into a reused buffer, in one output format (JSON lines, Journal Export Format). */
public interface EntryWriter {

    /** Formats {@code entry}, received at {@code receivedMicros}; the result is valid until the next call. */
    void write(DecodedEntry entry, long receivedMicros);

    byte[] bytes();

    int size();
}
