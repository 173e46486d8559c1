package io.journald4j.collector.output;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.ReportGate;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.ring.EntrySlot;
import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import java.io.IOException;

/**
 * A file-like output ({@code jsonl}, {@code export}): entries formatted by an {@link EntryWriter},
 * batched into one write per flush.
 *
 * <p>Runs on its own Disruptor thread. Lines accumulate in a reused buffer and go to the sink per
 * {@link BatchSettings}, at the latest when the ring goes idle ({@link #onTimeout}). A write error
 * (a full disk, say) is reported, the batch's entries are counted as dropped, and the output keeps
 * going with the next batch; the other outputs are not affected.
 */
public final class BatchingOutput implements EventHandler<EntrySlot>, DecodeListener {

    private final LineSink sink;
    private final BatchSettings batching;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final JournalDecoder decoder = new JournalDecoder();
    private final EntryWriter writer;
    private byte[] batch = new byte[64 * 1024];
    private int batchBytes;
    private int batchEntries;
    private long oldestPendingNanos;
    private long currentReceivedMicros;
    private final ReportGate failureReports = ReportGate.perMinute();

    public BatchingOutput(
            LineSink sink, EntryWriter writer, BatchSettings batching, OutputMetrics metrics, DaemonLog log) {
        this.sink = sink;
        this.writer = writer;
        this.batching = batching;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) {
        currentReceivedMicros = slot.receivedMicros();
        decoder.decode(slot.view(), this);
        if (batchEntries >= batching.maxEntries()
                || (endOfBatch
                        && System.nanoTime() - oldestPendingNanos
                                >= batching.linger().toNanos())) {
            flush();
        }
    }

    @Override
    public void onEntry(DecodedEntry entry) {
        writer.write(entry, currentReceivedMicros);
        append(writer.bytes(), writer.size());
        if (batchEntries++ == 0) {
            oldestPendingNanos = System.nanoTime();
        }
    }

    @Override
    public void onTimeout(long sequence) {
        flush();
    }

    @Override
    public void onShutdown() {
        flush();
        try {
            sink.close();
        } catch (IOException e) {
            metrics.recordError();
            log.error("closing " + sink.describe() + " failed", e);
        }
    }

    /** The first failure at once, then at most one line a minute with the count in between: no log storm while a disk is full. */
    private void reportFailure(IOException e) {
        long heldBack = failureReports.tryPass();
        if (heldBack >= 0) {
            log.error(
                    sink.describe() + ": " + (heldBack + 1) + " batch(es) could not be written and are lost"
                            + " (counted in journald4j_output_dropped_total)",
                    e);
        }
    }

    private void append(byte[] line, int length) {
        if (batchBytes + length > batch.length) {
            byte[] larger = new byte[Math.max(batchBytes + length, 2 * batch.length)];
            System.arraycopy(batch, 0, larger, 0, batchBytes);
            batch = larger;
        }
        System.arraycopy(line, 0, batch, batchBytes, length);
        batchBytes += length;
    }

    private void flush() {
        if (batchEntries == 0) {
            return;
        }
        try {
            sink.write(batch, 0, batchBytes, batchEntries);
            if (sink.countsDelivery()) {
                metrics.recordBatch(batchEntries, batchBytes);
            }
        } catch (IOException e) {
            metrics.recordError();
            metrics.recordDropped(batchEntries);
            reportFailure(e);
        } finally {
            batchEntries = 0;
            batchBytes = 0;
            if (batch.length > 16 * 1024 * 1024) {
                batch = new byte[64 * 1024];
            }
        }
    }
}
