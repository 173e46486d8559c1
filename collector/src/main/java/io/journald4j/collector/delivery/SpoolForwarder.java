package io.journald4j.collector.delivery;

import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.ReportGate;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.spool.Spool;
import io.journald4j.collector.spool.SpoolReader;
import java.io.IOException;
import java.time.Duration;

/**
 * The thread that reads an output's spool and hands each message to its {@link Destination}: the
 * only place where the destination's own waits (a broker's metadata, a full producer buffer)
 * happen, so they never reach the ring.
 *
 * <p>It stops sending new messages while a retry is scheduled, rereads from the lowest unconfirmed
 * message when it is due, and tells the spool what may be deleted. At stop it keeps forwarding
 * until the spool is empty and everything has an outcome, or the deadline passes; what is left
 * replays at the next start.
 */
public final class SpoolForwarder implements Runnable {

    private static final long IDLE_WAIT_MILLIS = 20;
    private static final int RELEASE_EVERY = 1024;

    private final Spool spool;
    private final Destination destination;
    private final DeliveryWindow window;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final long replayEnd;
    private final long replayStartNanos = System.nanoTime();
    private volatile boolean stopping;
    private volatile long deadlineNanos;
    private boolean replayReported;

    public SpoolForwarder(
            Spool spool, Destination destination, DeliveryWindow window, OutputMetrics metrics, DaemonLog log) {
        this.spool = spool;
        this.destination = destination;
        this.window = window;
        this.metrics = metrics;
        this.log = log;
        Spool.Recovery recovery = spool.recovery();
        this.replayEnd = recovery.replayEnd();
        this.replayReported = recovery.replayEntries() == 0;
        metrics.recordReplayed(recovery.replayEntries());
        metrics.recordSuspectedDuplicates(recovery.suspectedDuplicates());
    }

    /** Asks the thread to finish: forward what it can until {@code timeout} from now, then close the destination. */
    public void stop(Duration timeout) {
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        stopping = true;
    }

    @Override
    public void run() {
        try (SpoolReader reader = spool.reader()) {
            forward(reader);
        } catch (IOException e) {
            log.error(destination.describe() + ": reading the spool failed; forwarding stops until restart", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error(
                    destination.describe() + ": the forwarder failed; forwarding stops until restart, the spool"
                            + " keeps what is unconfirmed",
                    e);
            throw e;
        } finally {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            destination.close(Duration.ofNanos(stopping ? left : 0));
            spool.release(window.confirmedBelow());
            spool.noteSent(window.sentBelow());
        }
    }

    private void forward(SpoolReader reader) throws IOException, InterruptedException {
        int sinceRelease = 0;
        forwarding:
        while (!(stopping && System.nanoTime() - deadlineNanos >= 0)) {
            if (window.takeDueRetry()) {
                destination.flush(window);
                reader.seek(window.confirmedBelow());
            }
            if (window.retryScheduled()) {
                if (stopping) {
                    return; // the destination is failing: what is unconfirmed waits in the spool for the next start
                }
                destination.flush(window);
                release();
                window.awaitChange(IDLE_WAIT_MILLIS);
                continue;
            }
            long commits = spool.commits();
            if (!reader.next()) {
                destination.flush(window);
                release();
                reportReplay();
                if (stopping && window.awaitSettled(0) && !window.retryScheduled()) {
                    return;
                }
                spool.awaitCommit(commits, IDLE_WAIT_MILLIS);
                continue;
            }
            long sequence = reader.sequence();
            DeliveryWindow.Claim claim = window.claim(sequence, reader.receivedMicros());
            while (claim == DeliveryWindow.Claim.NO_ROOM) {
                destination.flush(window);
                if (window.retryScheduled()) {
                    continue forwarding; // the retry rereads from the oldest unconfirmed message, this one included
                }
                if (stopping && System.nanoTime() - deadlineNanos >= 0) {
                    return;
                }
                window.awaitChange(IDLE_WAIT_MILLIS);
                claim = window.claim(sequence, reader.receivedMicros());
            }
            if (claim == DeliveryWindow.Claim.SKIP) {
                continue;
            }
            if (claim == DeliveryWindow.Claim.AGAIN) {
                metrics.recordSuspectedDuplicates(1);
            }
            try {
                destination.send(sequence, reader.message(), reader.receivedMicros(), window);
            } catch (RuntimeException e) {
                // The destination could not even take it (a producer that cannot be rebuilt, say): retry later.
                window.failed(sequence, "send_failed", e, true);
                reportSendFailure(e);
            }
            if (++sinceRelease >= RELEASE_EVERY) {
                release();
                sinceRelease = 0;
            }
        }
    }

    private final ReportGate sendFailureReports = ReportGate.perMinute();

    /** At most one line a minute. */
    private void reportSendFailure(RuntimeException e) {
        if (sendFailureReports.tryPass() >= 0) {
            log.error(destination.describe() + ": handing a message to the destination failed; it stays spooled", e);
        }
    }

    private void release() {
        spool.release(window.confirmedBelow());
        spool.noteSent(window.sentBelow());
        reportDownOrUp();
    }

    private boolean reportedDown;
    private long downSinceNanos;

    /** One line when the destination stops confirming, one when it is back: never a line per retry. */
    private void reportDownOrUp() {
        boolean down = window.isDown();
        if (down && !reportedDown) {
            reportedDown = true;
            downSinceNanos = System.nanoTime();
            log.error(
                    destination.describe() + ": not delivering ("
                            + (window.lastFailure() == null ? "no confirmation for 10 s" : window.lastFailure())
                            + "); entries stay in the spool "
                            + spool.directory() + " (cap " + spool.settings().maxBytes() + " B, when full: "
                            + spool.settings().whenFull().configName() + ")",
                    null);
        } else if (!down && reportedDown) {
            reportedDown = false;
            log.info(destination.describe() + ": delivering again after "
                    + (System.nanoTime() - downSinceNanos) / 1_000_000_000 + " s; " + spool.entries()
                    + " messages spooled");
        }
    }

    private void reportReplay() {
        if (replayReported || window.confirmedBelow() < replayEnd) {
            return;
        }
        replayReported = true;
        long entries = spool.recovery().replayEntries();
        double seconds = Math.max(1e-3, (System.nanoTime() - replayStartNanos) / 1e9);
        log.info(destination.describe() + ": replayed " + entries + " spooled messages in "
                + String.format(java.util.Locale.ROOT, "%.1f s (%.0f/s)", seconds, entries / seconds)
                + ", " + spool.recovery().suspectedDuplicates() + " of them possibly delivered before");
        metrics.recordReplayRate((long) (entries / seconds));
    }
}
