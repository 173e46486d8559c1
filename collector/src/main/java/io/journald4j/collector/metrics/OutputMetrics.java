package io.journald4j.collector.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one output, written by its handler thread and read by the metrics endpoint. */
public final class OutputMetrics {

    private final String name;
    final LongAdder entries = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder dropped = new LongAdder();

    OutputMetrics(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** A batch of {@code entryCount} entries and {@code byteCount} bytes reached the output's destination. */
    public void recordBatch(int entryCount, long byteCount) {
        entries.add(entryCount);
        bytes.add(byteCount);
        batches.increment();
    }

    public void recordError() {
        errors.increment();
    }

    /** Entries this output accepted but will never deliver (its buffer overflowed, or the destination refused them). */
    public void recordDropped(long entryCount) {
        dropped.add(entryCount);
    }

    public long dropped() {
        return dropped.sum();
    }

    public long entries() {
        return entries.sum();
    }

    public long batches() {
        return batches.sum();
    }

    public long errors() {
        return errors.sum();
    }
}
