package io.journald4j.collector.output;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.ring.EntrySlot;
import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

/**
 * The {@code journal-remote} output: batches of entries in the Journal Export Format, POSTed to
 * {@code systemd-journal-remote} (its {@code /upload} endpoint).
 *
 * <p>The ring thread only formats and queues; a separate uploader thread sends, so a slow or absent
 * journal-remote never holds the ring back. While it is down, batches wait in a bounded queue
 * ({@code buffer_bytes}); a batch that does not fit is dropped and counted, the queued ones are
 * kept. At shutdown the uploader gets the shutdown timeout to empty the queue; what is left is
 * reported as lost.
 */
public final class JournalRemoteOutput implements EventHandler<EntrySlot>, DecodeListener {

    private final JournalDecoder decoder = new JournalDecoder();
    private final JournalExportWriter writer;
    private final BatchSettings batching;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final UploadQueue queue;
    private final JournalRemoteUploader uploader;
    private final Thread uploaderThread;
    private final Duration shutdownTimeout;
    private final String name;
    private byte[] batch = new byte[64 * 1024];
    private int batchBytes;
    private int batchEntries;
    private long oldestPendingNanos;
    private long currentReceivedMicros;
    private long lastOverflowLogNanos;

    public JournalRemoteOutput(URI url, long bufferBytes, BatchSettings batching, HostFields host, OutputMetrics metrics,
            DaemonLog log, Duration shutdownTimeout) {
        this.writer = new JournalExportWriter(host);
        this.batching = batching;
        this.metrics = metrics;
        this.log = log;
        this.shutdownTimeout = shutdownTimeout;
        this.name = metrics.name();
        this.queue = new UploadQueue(bufferBytes);
        this.uploader = new JournalRemoteUploader(url, queue, metrics, log);
        this.uploaderThread = new Thread(uploader, "journald4j-upload-" + url.getHost());
        uploaderThread.setDaemon(true);
        uploaderThread.start();
    }

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) {
        currentReceivedMicros = slot.receivedMicros();
        decoder.decode(slot.view(), this);
        if (batchEntries >= batching.maxEntries()
                || (endOfBatch && System.nanoTime() - oldestPendingNanos >= batching.linger().toNanos())) {
            enqueue();
        }
    }

    @Override
    public void onEntry(DecodedEntry entry) {
        writer.write(entry, currentReceivedMicros);
        if (batchBytes + writer.size() > batch.length) {
            batch = Arrays.copyOf(batch, Math.max(batchBytes + writer.size(), 2 * batch.length));
        }
        System.arraycopy(writer.bytes(), 0, batch, batchBytes, writer.size());
        batchBytes += writer.size();
        if (batchEntries++ == 0) {
            oldestPendingNanos = System.nanoTime();
        }
    }

    @Override
    public void onTimeout(long sequence) {
        enqueue();
    }

    private void enqueue() {
        if (batchEntries == 0) {
            return;
        }
        if (!queue.offer(new UploadQueue.Batch(Arrays.copyOf(batch, batchBytes), batchEntries))) {
            metrics.recordDropped(batchEntries);
            long now = System.nanoTime();
            if (now - lastOverflowLogNanos > Duration.ofMinutes(1).toNanos()) {
                lastOverflowLogNanos = now;
                log.error(name + ": upload buffer full, dropping " + batchEntries + " entries (counted in journald4j_output_dropped_total)", null);
            }
        }
        batchEntries = 0;
        batchBytes = 0;
        if (batch.length > 16 * 1024 * 1024) {
            batch = new byte[64 * 1024];
        }
    }

    @Override
    public void onShutdown() {
        enqueue();
        try {
            if (!queue.awaitEmpty(shutdownTimeout.toMillis())) {
                long lost = queue.pendingEntries();
                metrics.recordDropped(lost);
                log.error(name + ": " + lost + " entries not uploaded before the shutdown timeout; they are lost", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            uploader.finish();
            uploaderThread.interrupt();
        }
    }
}
