package io.journald4j.status;

import io.journald4j.transport.DropReason;
import io.journald4j.transport.SendListener;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns a sender's drops into a few readable status messages.
 *
 * <p>The first drop is reported at once; later ones are summed and reported at most once per
 * interval, and whatever is left when the journal comes back or the appender stops is reported
 * then, so the status channel always hears the exact count without being flooded at event rate.
 */
public final class TroubleReporter implements SendListener {

    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final StatusSink sink;
    private final long intervalNanos;
    private final LongSupplier clock;
    /** Drops since the last report, by {@link DropReason#ordinal()}: no boxing on the drop path. */
    private final long[] pending = new long[DropReason.values().length];

    private long pendingTotal;
    private long reportedTotal;
    private long nextReportNanos;
    private boolean reportedOnce;
    private Throwable lastCause;

    public TroubleReporter(StatusSink sink) {
        this(sink, DEFAULT_INTERVAL_NANOS, System::nanoTime);
    }

    TroubleReporter(StatusSink sink, long intervalNanos, LongSupplier clock) {
        this.sink = sink;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    @Override
    public synchronized void onDropped(DropReason reason, Throwable cause) {
        pending[reason.ordinal()]++;
        pendingTotal++;
        if (cause != null) {
            lastCause = cause;
        }
        long now = clock.getAsLong();
        if (!reportedOnce || now - nextReportNanos >= 0) {
            reportedOnce = true;
            nextReportNanos = now + intervalNanos;
            report("journald4j dropped ");
        }
    }

    @Override
    public synchronized void onReconnected() {
        if (pendingTotal > 0) {
            report("journald4j reconnected to the journal; before that it dropped ");
        } else {
            sink.info("journald4j reconnected to the journal");
        }
    }

    @Override
    public void onError(String what, Throwable cause) {
        sink.warn("journald4j: " + what, cause);
    }

    /** Reports what is still pending; adapters call it when they stop. */
    public synchronized void flush() {
        if (pendingTotal > 0) {
            report("journald4j dropped ");
        }
    }

    /** Every drop reported so far, including the pending ones after {@link #flush()}. */
    public synchronized long reportedDrops() {
        return reportedTotal;
    }

    private void report(String lead) {
        reportedTotal += pendingTotal;
        StringBuilder message =
                new StringBuilder(lead).append(pendingTotal).append(pendingTotal == 1 ? " entry" : " entries");
        String separator = " (";
        for (DropReason reason : DropReason.values()) {
            if (pending[reason.ordinal()] > 0) {
                message.append(separator).append(reason).append(": ").append(pending[reason.ordinal()]);
                separator = ", ";
            }
        }
        message.append("); ").append(reportedTotal).append(" dropped in all");
        sink.error(message.toString(), lastCause);
        Arrays.fill(pending, 0);
        pendingTotal = 0;
        lastCause = null;
    }
}
