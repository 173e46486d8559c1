package io.journald4j.collector.delivery;

import io.journald4j.collector.metrics.OutputMetrics;
import java.util.concurrent.TimeUnit;

/**
 * Tracks each message between the spool and its confirmation: which are in flight, which are
 * confirmed (possibly out of order, as Kafka partitions acknowledge independently), and the
 * lowest unconfirmed sequence, below which the spool may delete.
 *
 * <p>A retriable failure schedules a retry with exponential backoff: the forwarder then rereads
 * the spool from the lowest unconfirmed message and resends only what has no outcome yet. Every
 * message ends exactly once as delivered or as dropped (not retriable, or its segment deleted by
 * policy drop_oldest), which is what makes the counters exact. Outcomes arrive on other threads,
 * hence the lock; it is uncontended in the common case.
 */
public final class DeliveryWindow implements Outcomes {

    /** Messages in flight at most (between the lowest unconfirmed and the newest sent). */
    public static final int CAPACITY = 1 << 16;

    private static final byte PENDING = 0;
    private static final byte SENT = 1;
    private static final byte DONE = 2;
    /** Sent, then its segment was dropped: its outcome is counted, but it is never resent. */
    private static final byte ABANDONED = 3;

    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Unconfirmed messages and no confirmation for this long: the destination counts as down. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final byte[] states = new byte[CAPACITY];
    private final long[] receivedMicros = new long[CAPACITY];
    private final OutputMetrics metrics;

    private long low;
    private long high;
    private long droppedBelow;
    private int unresolved;
    private boolean retryPending;
    /** From a retriable failure until the next delivery. */
    private boolean failing;

    private long retryAtNanos;
    private long backoffNanos = FIRST_BACKOFF_NANOS;
    private long lastProgressNanos = System.nanoTime();
    private String lastFailure;

    /** A window whose first message is {@code first} (where the spool replays from). */
    public DeliveryWindow(long first, OutputMetrics metrics) {
        this.low = first;
        this.high = first;
        this.metrics = metrics;
    }

    /** What {@link #claim} decided. */
    public enum Claim {
        /** It has an outcome, or is on its way, or was dropped: skip it. */
        SKIP,
        /** Too far ahead of the oldest unconfirmed message: wait for outcomes (or a retry) first. */
        NO_ROOM,
        /** Send it: the first time. */
        FIRST,
        /** Send it again (after a failure): it may have arrived before. */
        AGAIN
    }

    /**
     * Decides about {@code sequence} and, if it is to be sent, marks it in flight, in one step, so
     * that an {@link #abandon} on the appending thread cannot slip in between.
     *
     * <p>Sequences the spool no longer holds between the last one sent and this one (records cut
     * off as corrupt at recovery) are counted as dropped; a gap larger than the window is jumped
     * over once nothing is in flight.
     */
    public synchronized Claim claim(long sequence, long micros) {
        if (sequence < low || sequence < droppedBelow && sequence >= high) {
            return Claim.SKIP;
        }
        if (sequence < high) {
            if (states[index(sequence)] != PENDING) {
                return Claim.SKIP;
            }
            mark(sequence, micros);
            return Claim.AGAIN;
        }
        long missingFrom = Math.max(high, droppedBelow);
        if (sequence > missingFrom) {
            if (low != high && sequence - low >= CAPACITY) {
                return Claim.NO_ROOM;
            }
            metrics.recordDropped(sequence - missingFrom);
            metrics.recordSpoolDropped("corrupt", sequence - missingFrom);
        } else if (sequence - low >= CAPACITY) {
            return Claim.NO_ROOM;
        }
        if (low == high) {
            low = sequence;
            high = sequence;
        }
        while (high < sequence) {
            states[index(high)] = DONE;
            high++;
        }
        high++;
        mark(sequence, micros);
        advance();
        return Claim.FIRST;
    }

    private void mark(long sequence, long micros) {
        states[index(sequence)] = SENT;
        receivedMicros[index(sequence)] = micros;
        if (unresolved++ == 0) {
            lastProgressNanos = System.nanoTime();
        }
    }

    @Override
    public synchronized void delivered(long sequence, int entries, long bytes) {
        if (!resolve(sequence)) {
            return;
        }
        metrics.recordDelivered(entries, bytes);
        lastProgressNanos = System.nanoTime();
        backoffNanos = FIRST_BACKOFF_NANOS;
        lastFailure = null;
        failing = false;
        advance();
        notifyAll();
    }

    @Override
    public synchronized void failed(long sequence, String reason, Exception cause, boolean retriable) {
        metrics.recordSendError(reason);
        lastFailure = reason + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (sequence < low || sequence >= high) {
            return;
        }
        int i = index(sequence);
        if (retriable && states[i] == SENT) {
            failing = true;
            states[i] = PENDING;
            unresolved--;
            if (!retryPending) {
                retryPending = true;
                retryAtNanos = System.nanoTime() + backoffNanos;
                backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
            }
        } else {
            boolean abandoned = states[i] == ABANDONED;
            if (resolve(sequence)) {
                metrics.recordDropped(1);
                metrics.recordSpoolDropped(abandoned ? "oldest_deleted" : "not_retriable", 1);
            }
        }
        advance();
        notifyAll();
    }

    /** Marks an in-flight message done; false if it had no outcome pending. */
    private boolean resolve(long sequence) {
        if (sequence < low || sequence >= high) {
            return false;
        }
        int i = index(sequence);
        if (states[i] != SENT && states[i] != ABANDONED) {
            return false;
        }
        states[i] = DONE;
        unresolved--;
        return true;
    }

    /**
     * Messages {@code [from, to)} were deleted from the spool unconfirmed (policy drop_oldest): those
     * never sent or waiting for a retry are dropped now, those in flight when their outcome comes.
     */
    public synchronized void abandon(long from, long to) {
        long dropped = 0;
        for (long s = Math.max(from, low); s < Math.min(to, high); s++) {
            int i = index(s);
            if (states[i] == PENDING) {
                states[i] = DONE;
                dropped++;
            } else if (states[i] == SENT) {
                states[i] = ABANDONED;
            }
        }
        long unsentFrom = Math.max(Math.max(from, high), droppedBelow);
        if (to > unsentFrom) {
            dropped += to - unsentFrom;
        }
        droppedBelow = Math.max(droppedBelow, to);
        metrics.recordDropped(dropped);
        metrics.recordSpoolDropped("oldest_deleted", dropped);
        advance();
        notifyAll();
    }

    private void advance() {
        while (low < high && states[index(low)] == DONE) {
            low++;
        }
        if (low == high && droppedBelow > high) {
            low = droppedBelow;
            high = droppedBelow;
        }
    }

    /** Everything below this has an outcome: the spool may delete it. */
    public synchronized long confirmedBelow() {
        return low;
    }

    /** One past the newest message sent. */
    public synchronized long sentBelow() {
        return high;
    }

    /** Whether a retry is due now; if so, the caller rereads from {@link #confirmedBelow()} and this resets. */
    public synchronized boolean takeDueRetry() {
        if (retryPending && System.nanoTime() - retryAtNanos >= 0) {
            retryPending = false;
            return true;
        }
        return false;
    }

    /** Whether a retry is scheduled: until it is due, the forwarder sends nothing new (the destination is failing). */
    public synchronized boolean retryScheduled() {
        return retryPending;
    }

    /** Waits until an outcome arrives or {@code millis} pass. */
    public synchronized void awaitChange(long millis) throws InterruptedException {
        wait(millis);
    }

    /** Waits until no message is in flight, up to {@code millis}; true if none is. */
    public synchronized boolean awaitSettled(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (unresolved > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Receive time of the oldest message without an outcome, in microseconds since the epoch; 0 if none. */
    public synchronized long oldestUnconfirmedMicros() {
        return low < high ? receivedMicros[index(low)] : 0;
    }

    /**
     * Down: from a retriable failure until the next delivery, or while messages wait without any
     * confirmation for {@value #STALL_NANOS} ns (a broker that accepts connections but does not acknowledge).
     */
    public synchronized boolean isDown() {
        return failing || (unresolved > 0 && System.nanoTime() - lastProgressNanos > STALL_NANOS);
    }

    /** The last failure's reason and message, or null after a success. */
    public synchronized String lastFailure() {
        return lastFailure;
    }

    private static int index(long sequence) {
        return (int) (sequence & (CAPACITY - 1));
    }
}
