package io.journald4j.collector.output;

import java.time.Duration;

/**
 * When an output flushes: at the end of each Disruptor batch once the oldest pending entry is
 * {@code linger} old (zero: at every end of batch), or as soon as {@code maxEntries} are pending.
 */
public record BatchSettings(int maxEntries, Duration linger) {

    public static final BatchSettings DEFAULT = new BatchSettings(1024, Duration.ZERO);

    public BatchSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + maxEntries);
        }
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative: " + linger);
        }
    }
}
