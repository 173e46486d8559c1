package io.journald4j.collector.output;

import java.io.Closeable;
import java.io.IOException;

/** Where an output's batches go: stdout, a file, or an upload queue. Written by one handler thread only. */
public interface LineSink extends Closeable {

    /**
     * Writes a batch of whole entries, all or nothing.
     *
     * @param entries how many entries the batch holds, for the sinks that count
     * @throws IOException when the batch could not be taken; the caller counts its entries as dropped
     */
    void write(byte[] bytes, int offset, int length, int entries) throws IOException;

    /**
     * Whether a successful {@link #write} means delivered. False for a sink that only queues (an
     * upload queue counts deliveries itself, when the destination confirms them).
     */
    default boolean countsDelivery() {
        return true;
    }

    /** A name for metrics and messages, such as {@code jsonl:-}. */
    String describe();
}
