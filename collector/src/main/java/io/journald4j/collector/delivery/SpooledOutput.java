package io.journald4j.collector.delivery;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.ring.EntrySlot;
import io.journald4j.collector.ring.WaitsForRoom;
import io.journald4j.collector.spool.Spool;
import java.io.IOException;
import java.time.Duration;

/**
 * An output with a disk spool: its ring handler only appends each message to the spool (and
 * forces it to disk at the fsync interval); a {@link SpoolForwarder} thread forwards from the spool
 * to the {@link Destination}. An outage of the destination therefore fills the spool, not the
 * ring, up to the spool's cap and its {@code when_full} policy.
 */
public final class SpooledOutput implements EventHandler<EntrySlot>, WaitsForRoom {

    private final Spool spool;
    private final SpoolForwarder forwarder;
    private final Thread forwarderThread;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final String name;
    private final Duration shutdownTimeout;
    private long lastErrorReportNanos;

    public SpooledOutput(
            Spool spool, Destination destination, OutputMetrics metrics, DaemonLog log, Duration shutdownTimeout) {
        this.spool = spool;
        this.metrics = metrics;
        this.log = log;
        this.name = destination.describe();
        this.shutdownTimeout = shutdownTimeout;
        DeliveryWindow window = new DeliveryWindow(spool.recovery().replayFrom(), metrics);
        spool.onDrop(window::abandon);
        this.forwarder = new SpoolForwarder(spool, destination, window, metrics, log);
        this.forwarderThread = new Thread(forwarder, "journald4j-forward-" + name);
        metrics.spoolGauges(spool::bytes, spool::entries, window::oldestUnconfirmedMicros, window::isDown);
        Spool.Recovery recovery = spool.recovery();
        if (recovery.replayEntries() > 0 || recovery.corruptSegments() > 0) {
            log.info(name + ": spool " + spool.directory() + " holds " + recovery.replayEntries()
                    + " unconfirmed messages to replay (" + recovery.suspectedDuplicates()
                    + " possibly delivered before; " + recovery.corruptSegments() + " segment(s) had a torn tail)");
        }
        forwarderThread.start();
    }

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) {
        try {
            if (spool.append(slot.view(), slot.receivedMicros()) < 0) {
                metrics.recordDropped(1);
                metrics.recordSpoolDropped("spool_full", 1);
            }
            if (endOfBatch) {
                spool.syncIfDue();
            }
        } catch (IOException e) {
            metrics.recordDropped(1);
            metrics.recordSpoolDropped("write_error", 1);
            reportError(e);
        }
    }

    @Override
    public void onTimeout(long sequence) {
        try {
            spool.syncIfDue();
        } catch (IOException e) {
            reportError(e);
        }
    }

    /** At most one line a minute: a full or failing spool disk must not flood the log. */
    private void reportError(IOException e) {
        metrics.recordError();
        long now = System.nanoTime();
        if (lastErrorReportNanos == 0 || now - lastErrorReportNanos > 60_000_000_000L) {
            lastErrorReportNanos = now;
            log.error(
                    name + ": writing to the spool " + spool.directory() + " failed (messages counted as dropped)", e);
        }
    }

    @Override
    public void stopWaiting() {
        spool.stopWaiting();
    }

    @Override
    public void onShutdown() {
        try {
            spool.sync();
        } catch (IOException e) {
            reportError(e);
        }
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
            spool.close();
        } catch (IOException e) {
            log.error(name + ": closing the spool failed; unconfirmed messages replay at the next start", e);
        }
    }
}
