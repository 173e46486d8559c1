package io.journald4j.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts what a sender delivered and dropped, by reason; safe to read from any thread. */
public final class SenderStatistics {

    private final LongAdder delivered = new LongAdder();
    private final LongAdder viaDescriptor = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    SenderStatistics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    void recordDelivered(boolean passedAsDescriptor) {
        delivered.increment();
        if (passedAsDescriptor) {
            viaDescriptor.increment();
        }
    }

    void recordDropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    /** Entries the journal took, by datagram or by descriptor. */
    public long delivered() {
        return delivered.sum();
    }

    /** Entries too large for one datagram, passed as a file descriptor. */
    public long deliveredViaDescriptor() {
        return viaDescriptor.sum();
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason).sum();
    }

    /** Every dropped entry, whatever the reason. */
    public long dropped() {
        long total = 0;
        for (LongAdder count : dropped.values()) {
            total += count.sum();
        }
        return total;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("delivered=").append(delivered());
        text.append(", viaDescriptor=").append(deliveredViaDescriptor());
        for (Map.Entry<DropReason, LongAdder> count : dropped.entrySet()) {
            text.append(", dropped.")
                    .append(count.getKey())
                    .append('=')
                    .append(count.getValue().sum());
        }
        return text.toString();
    }
}
