package io.journald4j.collector.output;

import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.metrics.OutputMetrics;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

/**
 * The {@code journal-remote} output's sink: export-format batches queued for
 * {@code systemd-journal-remote} and uploaded by a thread of their own, so a slow or absent
 * journal-remote never holds the ring back.
 *
 * <p>While journal-remote is down, batches wait in a bounded queue; a batch that does not fit is
 * refused (its entries counted as dropped by the output), the queued ones are kept. Deliveries are
 * counted when journal-remote confirms them. At close the uploader gets the shutdown timeout to
 * empty the queue; what is left is counted and reported as lost.
 */
public final class JournalRemoteSink implements LineSink, BatchTarget {

    private final URI url;
    private final UploadQueue queue;
    private final JournalRemoteUploader uploader;
    private final Thread uploaderThread;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final Duration shutdownTimeout;

    public JournalRemoteSink(
            URI url, long bufferBytes, OutputMetrics metrics, DaemonLog log, Duration shutdownTimeout) {
        this.url = url;
        this.metrics = metrics;
        this.log = log;
        this.shutdownTimeout = shutdownTimeout;
        this.queue = new UploadQueue(bufferBytes);
        this.uploader = new JournalRemoteUploader(url, queue, metrics, log);
        this.uploaderThread = new Thread(uploader, "journald4j-upload-" + url.getHost());
        uploaderThread.setDaemon(true);
        uploaderThread.start();
    }

    @Override
    public void write(byte[] bytes, int offset, int length, int entries) throws IOException {
        if (!queue.offer(new UploadQueue.Batch(Arrays.copyOfRange(bytes, offset, offset + length), entries))) {
            throw new IOException("upload queue for " + url + " is full while journal-remote does not take uploads");
        }
    }

    /**
     * A spooled output's batch: queued with its outcome, which the uploader reports when
     * journal-remote answers; a full queue fails it at once (it stays in the spool).
     */
    @Override
    public void deliver(byte[] bytes, int length, int entries, BatchOutcome outcome) {
        if (!queue.offer(new UploadQueue.Batch(Arrays.copyOf(bytes, length), entries, outcome))) {
            outcome.failed("queue_full", null, true);
        }
    }

    @Override
    public boolean countsDelivery() {
        return false;
    }

    @Override
    public String describe() {
        return "journal-remote:" + url;
    }

    @Override
    public void close() {
        try {
            if (!queue.awaitEmpty(shutdownTimeout.toMillis())) {
                long lost = queue.pendingUnspooledEntries();
                long kept = queue.pendingEntries() - lost;
                if (lost > 0) {
                    metrics.recordDropped(lost);
                    log.error(
                            describe() + ": " + lost
                                    + " entries not uploaded before the shutdown timeout; they are lost",
                            null);
                }
                if (kept > 0) {
                    log.info(describe() + ": " + kept + " entries not uploaded yet stay in the spool");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            uploader.finish();
            uploaderThread.interrupt();
        }
    }
}
