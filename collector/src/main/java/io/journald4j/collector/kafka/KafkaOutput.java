package io.journald4j.collector.kafka;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.delivery.Outcomes;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.ring.EntrySlot;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A kafka output without a spool: the ring handler hands entries straight to the producer, whose
 * own buffer ({@code buffer.memory}) rides out a short outage. A failed delivery is counted as
 * dropped. After a failure the output drops (and counts) for a backoff period instead of calling
 * the producer, so the ring is held at most {@code max.block.ms} per period; {@code --spool} is the
 * way to keep entries through an outage.
 */
public final class KafkaOutput implements EventHandler<EntrySlot>, Outcomes {

    private static final long FIRST_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final KafkaDestination destination;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final Duration shutdownTimeout;

    private volatile long backoffUntilNanos;
    private volatile boolean failing;
    private long backoffNanos = FIRST_BACKOFF_NANOS;
    private long droppedInBackoff;

    public KafkaOutput(KafkaDestination destination, OutputMetrics metrics, DaemonLog log, Duration shutdownTimeout) {
        this.destination = destination;
        this.metrics = metrics;
        this.log = log;
        this.shutdownTimeout = shutdownTimeout;
        metrics.downWhen(() -> failing);
    }

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) {
        if (failing && System.nanoTime() - backoffUntilNanos < 0) {
            droppedInBackoff++;
            metrics.recordDropped(1);
            return;
        }
        destination.send(sequence, slot.view(), slot.receivedMicros(), this);
    }

    @Override
    public void delivered(long sequence, int entries, long bytes) {
        metrics.recordDelivered(entries, bytes);
        if (failing) {
            synchronized (this) {
                failing = false;
                backoffNanos = FIRST_BACKOFF_NANOS;
            }
            log.info(destination.describe() + ": delivering again");
        }
    }

    @Override
    public synchronized void failed(long sequence, String reason, Exception cause, boolean retriable) {
        metrics.recordSendError(reason);
        metrics.recordDropped(1);
        if (!retriable || System.nanoTime() - backoffUntilNanos < 0) {
            return;
        }
        if (!failing) {
            log.error(
                    destination.describe() + ": delivery failed (" + reason + "); without a spool, entries are"
                            + " dropped and counted until kafka takes them again (--spool DIR keeps them)",
                    cause);
        }
        failing = true;
        backoffUntilNanos = System.nanoTime() + backoffNanos;
        backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
    }

    @Override
    public void onShutdown() {
        destination.close(shutdownTimeout);
        if (droppedInBackoff > 0) {
            log.info(destination.describe() + ": " + droppedInBackoff + " messages were dropped while kafka was down");
        }
    }
}
