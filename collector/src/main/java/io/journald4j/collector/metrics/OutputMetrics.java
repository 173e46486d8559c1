package io.journald4j.collector.metrics;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Counters of one output, written by its handler thread and read by the metrics endpoint. */
public final class OutputMetrics {

    private final String name;
    final LongAdder entries = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder dropped = new LongAdder();

    final LongAdder replayed = new LongAdder();
    final LongAdder suspectedDuplicates = new LongAdder();
    volatile long replayRate;
    final ConcurrentMap<String, LongAdder> sendErrors = new ConcurrentHashMap<>();
    final ConcurrentMap<String, LongAdder> spoolDropped = new ConcurrentHashMap<>();
    volatile LongSupplier spoolBytes;
    volatile LongSupplier spoolEntries;
    volatile LongSupplier oldestUnconfirmedMicros;
    volatile BooleanSupplier down = () -> false;

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

    /** Entries confirmed by the destination one message at a time (spooled and kafka outputs). */
    public void recordDelivered(int entryCount, long byteCount) {
        entries.add(entryCount);
        bytes.add(byteCount);
    }

    public void recordError() {
        errors.increment();
    }

    /** Entries this output accepted but will never deliver (its buffer overflowed, or the destination refused them). */
    public void recordDropped(long entryCount) {
        dropped.add(entryCount);
    }

    /** A send failed (it may be retried); {@code reason} is a short snake_case name such as {@code timeout}. */
    public void recordSendError(String reason) {
        sendErrors.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Entries dropped by the spool, by reason ({@code spool_full}, {@code oldest_deleted}, ...). */
    public void recordSpoolDropped(String reason, long count) {
        if (count > 0) {
            spoolDropped.computeIfAbsent(reason, r -> new LongAdder()).add(count);
        }
    }

    /** Messages found unconfirmed in the spool at start, to be forwarded again. */
    public void recordReplayed(long count) {
        replayed.add(count);
    }

    /** Messages sent again that may have arrived before (replayed after a crash, or resent after a failure). */
    public void recordSuspectedDuplicates(long count) {
        suspectedDuplicates.add(count);
    }

    /** The last replay's speed, messages per second. */
    public void recordReplayRate(long perSecond) {
        replayRate = perSecond;
    }

    /** Gauges of this output's spool, read when metrics are scraped. */
    public void spoolGauges(
            LongSupplier bytes, LongSupplier entries, LongSupplier oldestMicros, BooleanSupplier isDown) {
        this.spoolBytes = bytes;
        this.spoolEntries = entries;
        this.oldestUnconfirmedMicros = oldestMicros;
        this.down = isDown;
    }

    /** Forgets the gauges of an output that a reload replaced by one with the same name. */
    public void clearGauges() {
        this.spoolBytes = null;
        this.spoolEntries = null;
        this.oldestUnconfirmedMicros = null;
        this.down = () -> false;
    }

    /** Whether the destination is failing or not confirming (health reports degraded). */
    public void downWhen(BooleanSupplier isDown) {
        this.down = isDown;
    }

    public boolean isDown() {
        return down.getAsBoolean();
    }

    public boolean hasSpool() {
        return spoolBytes != null;
    }

    public long spoolBytes() {
        return spoolBytes == null ? 0 : spoolBytes.getAsLong();
    }

    public long spoolEntries() {
        return spoolEntries == null ? 0 : spoolEntries.getAsLong();
    }

    /** Seconds since the oldest unconfirmed message arrived; 0 if none. */
    public double oldestUnconfirmedAgeSeconds() {
        long micros = oldestUnconfirmedMicros == null ? 0 : oldestUnconfirmedMicros.getAsLong();
        if (micros == 0) {
            return 0;
        }
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        return Math.max(0, (nowMicros - micros) / 1e6);
    }

    public long replayed() {
        return replayed.sum();
    }

    public long suspectedDuplicates() {
        return suspectedDuplicates.sum();
    }

    public long sendErrors(String reason) {
        LongAdder count = sendErrors.get(reason);
        return count == null ? 0 : count.sum();
    }

    public long spoolDropped(String reason) {
        LongAdder count = spoolDropped.get(reason);
        return count == null ? 0 : count.sum();
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
