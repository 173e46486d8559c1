package io.journald4j.collector.delivery;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.ReportGate;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.ring.EntrySlot;
import io.journald4j.collector.ring.WaitsForRoom;
import io.journald4j.collector.spool.Spool;
import io.journald4j.collector.spool.SpoolBusyException;
import io.journald4j.collector.spool.SpoolSettings;
import io.journald4j.collector.spool.SpoolWriteException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An output with a disk spool: its ring handler only appends each message to the spool (and
 * forces it to disk at the fsync interval); a {@link SpoolForwarder} thread forwards from the spool
 * to the {@link Destination}. An outage of the destination therefore fills the spool, not the
 * ring, up to the spool's cap and its {@code when_full} policy.
 *
 * <p>On a reload (SIGHUP) the output being replaced still holds the spool directory until it has
 * drained; the new one then takes it over on its own thread, while new entries wait in its ring.
 */
public final class SpooledOutput implements EventHandler<EntrySlot>, WaitsForRoom {

    private static final long TAKE_OVER_POLL_MILLIS = 20;

    private final SpoolSettings settings;
    private final Destination destination;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final String name;
    private final Duration shutdownTimeout;
    private volatile Spool spool;
    private SpoolForwarder forwarder;
    private Thread forwarderThread;
    private volatile boolean stopWaiting;
    private final ReportGate errorReports = ReportGate.perMinute();

    /**
     * Opens the spool now, so that a directory that cannot be used fails the start (or the reload);
     * if another output of this collector holds it, it is taken over in {@link #onStart}.
     */
    public SpooledOutput(
            SpoolSettings settings,
            Destination destination,
            OutputMetrics metrics,
            DaemonLog log,
            Duration shutdownTimeout)
            throws IOException {
        this.settings = settings;
        this.destination = destination;
        this.metrics = metrics;
        this.log = log;
        this.name = destination.describe();
        this.shutdownTimeout = shutdownTimeout;
        try {
            begin(Spool.open(settings, log));
        } catch (SpoolBusyException busy) {
            // The output this one replaces still drains into it: onStart waits for it.
        }
    }

    private void begin(Spool opened) {
        DeliveryWindow window = new DeliveryWindow(opened.recovery().replayFrom(), metrics);
        opened.onDrop(window::abandon);
        forwarder = new SpoolForwarder(opened, destination, window, metrics, log);
        metrics.spoolGauges(opened::bytes, opened::entries, window::oldestUnconfirmedMicros, window::isDown);
        Spool.Recovery recovery = opened.recovery();
        if (recovery.replayEntries() > 0 || recovery.corruptSegments() > 0) {
            log.info(name + ": spool " + opened.directory() + " holds " + recovery.replayEntries()
                    + " unconfirmed messages to replay (" + recovery.suspectedDuplicates()
                    + " possibly delivered before; " + recovery.corruptSegments() + " segment(s) had a torn tail)");
        }
        forwarderThread = new Thread(forwarder, "journald4j-forward-" + name);
        forwarderThread.start();
        spool = opened;
    }

    @Override
    public void onStart() {
        long deadline = System.nanoTime() + 2 * shutdownTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        while (spool == null && !stopWaiting) {
            try {
                begin(Spool.open(settings, log));
            } catch (SpoolBusyException busy) {
                if (System.nanoTime() - deadline > 0) {
                    log.error(
                            name + ": the spool " + settings.directory() + " was not released by the previous"
                                    + " configuration's output; entries are dropped and counted",
                            busy);
                    return;
                }
                try {
                    Thread.sleep(TAKE_OVER_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (IOException e) {
                log.error(
                        name + ": cannot open the spool " + settings.directory() + "; entries are dropped and counted",
                        e);
                return;
            }
        }
    }

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) {
        Spool open = spool;
        if (open == null) {
            drop("spool_unavailable", 1);
            return;
        }
        try {
            if (open.append(slot.view(), slot.receivedMicros()) < 0) {
                drop("spool_full", 1);
            }
        } catch (SpoolWriteException e) {
            drop("write_error", e.lost());
            reportError(e);
        } catch (IOException e) {
            drop("write_error", 1);
            reportError(e);
        }
        if (endOfBatch) {
            sync(open, false);
        }
    }

    @Override
    public void onTimeout(long sequence) {
        Spool open = spool;
        if (open != null) {
            sync(open, false);
        }
    }

    /**
     * Commits, and forces to disk at the fsync interval (or now); a force that fails loses nothing
     * (the bytes are in the page cache), a commit that fails counts what it lost.
     */
    private void sync(Spool open, boolean now) {
        try {
            if (now) {
                open.sync();
            } else {
                open.syncIfDue();
            }
        } catch (SpoolWriteException e) {
            drop("write_error", e.lost());
            reportError(e);
        } catch (IOException e) {
            reportError(e);
        }
    }

    private void drop(String reason, long messages) {
        metrics.recordDropped(messages);
        metrics.recordSpoolDropped(reason, messages);
    }

    /** At most one line a minute: a full or failing spool disk must not flood the log. */
    private void reportError(IOException e) {
        metrics.recordError();
        if (errorReports.tryPass() >= 0) {
            log.error(name + ": writing to the spool " + settings.directory() + " failed", e);
        }
    }

    @Override
    public void stopWaiting() {
        stopWaiting = true;
        Spool open = spool;
        if (open != null) {
            open.stopWaiting();
        }
    }

    @Override
    public void onShutdown() {
        Spool open = spool;
        if (open == null) {
            destination.close(Duration.ZERO);
            return;
        }
        sync(open, true);
        forwarder.stop(shutdownTimeout);
        try {
            forwarderThread.join(shutdownTimeout.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (forwarderThread.isAlive()) {
            log.error(name + ": the forwarder did not stop in time; unconfirmed messages stay spooled", null);
        }
        try {
            open.close();
        } catch (IOException e) {
            log.error(name + ": closing the spool failed; unconfirmed messages replay at the next start", e);
        }
    }
}
