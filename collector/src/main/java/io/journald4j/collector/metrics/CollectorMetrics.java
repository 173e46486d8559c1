package io.journald4j.collector.metrics;

import io.journald4j.collector.ingest.Rejection;
import io.journald4j.protocol.Malformation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Every count the collector keeps: what arrived, what was malformed or rejected and why, what was
 * dropped and why, and what each output wrote. Counters only ever grow; readers take sums.
 */
public final class CollectorMetrics {

    /** Why a message that arrived was not delivered to the outputs. */
    public enum Drop {
        /** The ring was full and the policy is {@code drop}. */
        RING_FULL,
        /** The collector was shutting down. */
        SHUTDOWN
    }

    final LongAdder datagrams = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder descriptors = new LongAdder();
    final LongAdder entries = new LongAdder();
    final LongAdder[] malformed = adders(Malformation.values().length);
    final LongAdder[] rejected = adders(Rejection.values().length);
    final LongAdder[] dropped = adders(Drop.values().length);
    final List<OutputMetrics> outputs = new CopyOnWriteArrayList<>();
    volatile LongSupplier ringInUse = () -> 0;
    volatile LongSupplier ringCapacity = () -> 0;

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    public void recordDatagram(int size) {
        datagrams.increment();
        bytes.add(size);
    }

    public void recordDescriptor() {
        descriptors.increment();
    }

    public void recordEntries(int count) {
        entries.add(count);
    }

    public void recordMalformed(Malformation malformation) {
        malformed[malformation.ordinal()].increment();
    }

    public void recordRejected(Rejection rejection) {
        rejected[rejection.ordinal()].increment();
    }

    public void recordDropped(Drop drop) {
        dropped[drop.ordinal()].increment();
    }

    final LongAdder reloads = new LongAdder();
    final LongAdder failedReloads = new LongAdder();

    /** The counters of output {@code name}; the same ones again after a reload keeps that output. */
    public synchronized OutputMetrics output(String name) {
        for (OutputMetrics existing : outputs) {
            if (existing.name().equals(name)) {
                return existing;
            }
        }
        OutputMetrics metrics = new OutputMetrics(name);
        outputs.add(metrics);
        return metrics;
    }

    public void recordReload(boolean succeeded) {
        (succeeded ? reloads : failedReloads).increment();
    }

    public void ringGauges(LongSupplier inUse, LongSupplier capacity) {
        this.ringInUse = inUse;
        this.ringCapacity = capacity;
    }

    public long datagrams() {
        return datagrams.sum();
    }

    public long entries() {
        return entries.sum();
    }

    public long malformed(Malformation malformation) {
        return malformed[malformation.ordinal()].sum();
    }

    public long rejected(Rejection rejection) {
        return rejected[rejection.ordinal()].sum();
    }

    public long dropped(Drop drop) {
        return dropped[drop.ordinal()].sum();
    }

    public List<OutputMetrics> outputs() {
        return outputs;
    }

    /** A one-line summary for the log at shutdown. */
    public String summary() {
        long malformedTotal = 0;
        for (LongAdder adder : malformed) {
            malformedTotal += adder.sum();
        }
        long rejectedTotal = 0;
        for (LongAdder adder : rejected) {
            rejectedTotal += adder.sum();
        }
        StringBuilder text = new StringBuilder()
                .append("datagrams=")
                .append(datagrams.sum())
                .append(" descriptors=")
                .append(descriptors.sum())
                .append(" entries=")
                .append(entries.sum())
                .append(" malformed=")
                .append(malformedTotal)
                .append(" rejected=")
                .append(rejectedTotal)
                .append(" dropped.ring_full=")
                .append(dropped(Drop.RING_FULL))
                .append(" dropped.shutdown=")
                .append(dropped(Drop.SHUTDOWN));
        for (OutputMetrics output : outputs) {
            text.append(" written[").append(output.name()).append("]=").append(output.entries());
        }
        return text.toString();
    }
}
