package io.journald4j.collector;

import java.util.concurrent.TimeUnit;

/**
 * Lets one report of a recurring problem through per interval and counts the ones held back in
 * between, so that a full disk, a broker outage or a chatty library never floods the daemon's log.
 * The first report always passes.
 */
public final class ReportGate {

    /** The interval every report of the collector uses. */
    public static final long ONE_MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final long intervalNanos;
    private boolean passedBefore;
    private long lastPassNanos;
    private long heldBack;

    public ReportGate(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** A gate that lets one report through a minute. */
    public static ReportGate perMinute() {
        return new ReportGate(ONE_MINUTE_NANOS);
    }

    /**
     * Asks to report now.
     *
     * @return -1 if this report is held back (and counted); otherwise how many were held back since
     *     the last one that passed
     */
    public synchronized long tryPass() {
        long now = System.nanoTime();
        if (passedBefore && now - lastPassNanos < intervalNanos) {
            heldBack++;
            return -1;
        }
        passedBefore = true;
        lastPassNanos = now;
        long held = heldBack;
        heldBack = 0;
        return held;
    }

    /** The problem is over: the next report, of the next occurrence, passes at once. */
    public synchronized void reset() {
        passedBefore = false;
        heldBack = 0;
    }
}
