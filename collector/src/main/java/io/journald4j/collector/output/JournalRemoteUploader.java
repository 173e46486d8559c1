package io.journald4j.collector.output;

import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.ReportGate;
import io.journald4j.collector.metrics.OutputMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Uploads queued batches to systemd-journal-remote, oldest first, one at a time.
 *
 * <p>journal-remote answers 202 when it stored a whole body. Connection failures, timeouts, 5xx,
 * 408 and 429 are retried with exponential backoff and full jitter (100 ms doubling to 30 s), for
 * as long as it takes: the queue keeps the batch meanwhile. Any other answer (400, 413, 415...)
 * means the body will never be accepted: the batch is dropped, counted and logged, so one bad
 * batch cannot block the ones behind it.
 */
final class JournalRemoteUploader implements Runnable {

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final String CONTENT_TYPE = "application/vnd.fdo.journal";

    /** The most one request carries when batches have queued up (journal-remote refuses bodies over 770 MiB). */
    private static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;

    private final URI url;
    private final UploadQueue queue;
    private final OutputMetrics metrics;
    private final DaemonLog log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean running = true;
    private final ReportGate retryReports = ReportGate.perMinute();

    JournalRemoteUploader(URI url, UploadQueue queue, OutputMetrics metrics, DaemonLog log) {
        this.url = url;
        this.queue = queue;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean failing = false;
        try {
            while (running || !queue.isEmpty()) {
                if (queue.peek(200) == null) {
                    continue;
                }
                java.util.List<UploadQueue.Batch> taken = queue.oldest(MAX_REQUEST_BYTES);
                UploadQueue.Batch batch = combine(taken);
                Outcome outcome = upload(batch);
                if (outcome == Outcome.RETRY) {
                    metrics.recordError();
                    if (!running) {
                        return;
                    }
                    failing = true;
                    Thread.sleep(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                    continue;
                }
                if (failing) {
                    log.info("journal-remote " + url + " is accepting uploads again");
                    failing = false;
                    retryReports.reset();
                }
                backoff = FIRST_BACKOFF_MILLIS;
                queue.remove(taken);
                for (UploadQueue.Batch each : taken) {
                    report(each, outcome);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A spooled batch's outcome goes to its messages; any other batch is counted here. */
    private void report(UploadQueue.Batch batch, Outcome outcome) {
        if (batch.outcome() != null) {
            if (outcome == Outcome.DELIVERED) {
                batch.outcome().delivered();
            } else {
                batch.outcome().failed("refused", null, false);
            }
        } else if (outcome == Outcome.DELIVERED) {
            metrics.recordBatch(batch.entries(), batch.body().length);
        } else {
            metrics.recordDropped(batch.entries());
        }
    }

    /** Several queued batches as one request body (export-format entries simply follow each other). */
    private static UploadQueue.Batch combine(java.util.List<UploadQueue.Batch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int length = 0;
        int entries = 0;
        for (UploadQueue.Batch batch : batches) {
            length += batch.body().length;
            entries += batch.entries();
        }
        byte[] body = new byte[length];
        int at = 0;
        for (UploadQueue.Batch batch : batches) {
            System.arraycopy(batch.body(), 0, body, at, batch.body().length);
            at += batch.body().length;
        }
        return new UploadQueue.Batch(body, entries);
    }

    private enum Outcome {
        DELIVERED,
        REFUSED,
        RETRY
    }

    private Outcome upload(UploadQueue.Batch batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 202 || status == 200) {
                return Outcome.DELIVERED;
            }
            if (status >= 500 || status == 408 || status == 429) {
                logRetry("answered " + status + ": " + response.body().trim(), null);
                return Outcome.RETRY;
            }
            log.error(
                    "journal-remote " + url + " refused " + batch.entries() + " entries with " + status
                            + " (dropped, not retried): " + response.body().trim(),
                    null);
            return Outcome.REFUSED;
        } catch (IOException e) {
            logRetry("is unreachable", e);
            return Outcome.RETRY;
        }
    }

    /** One line when an outage starts, then at most one a minute while it lasts. */
    private void logRetry(String what, Throwable cause) {
        if (retryReports.tryPass() >= 0) {
            log.error(
                    "journal-remote " + url + " " + what + "; keeping " + queue.pendingEntries()
                            + " entries queued and retrying with backoff",
                    cause);
        }
    }

    /** Lets the uploader finish what is queued, then stop; {@link #run()} returns when the queue is empty. */
    void finish() {
        running = false;
        queue.close();
    }
}
