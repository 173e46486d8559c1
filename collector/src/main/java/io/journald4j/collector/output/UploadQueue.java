package io.journald4j.collector.output;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bounded FIFO of batches waiting for upload: what an output has accepted stays here while its
 * destination is down, up to a byte limit; past it the newest batch is refused (and counted by the
 * caller), never the ones already accepted.
 */
final class UploadQueue {

    /**
     * One upload: the request body, how many entries it holds, and whom to tell what became of it
     * (a spooled output's messages), or null to count it in the output's metrics.
     */
    record Batch(byte[] body, int entries, BatchOutcome outcome) {
        Batch(byte[] body, int entries) {
            this(body, entries, null);
        }
    }

    private final Deque<Batch> batches = new ArrayDeque<>();
    private final long maxBytes;
    private long bytes;
    private boolean closed;

    UploadQueue(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds a batch; false when it does not fit under the byte limit (the batch is then the caller's loss to count). */
    synchronized boolean offer(Batch batch) {
        if (bytes + batch.body().length > maxBytes && !batches.isEmpty()) {
            return false;
        }
        batches.addLast(batch);
        bytes += batch.body().length;
        notifyAll();
        return true;
    }

    /** The oldest batch, waiting up to {@code millis}; null when there is none (or the queue is closed and empty). */
    synchronized Batch peek(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (batches.isEmpty() && !closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return batches.peekFirst();
    }

    /**
     * The oldest batches that fit together in {@code maxBytes} (at least one), for one request:
     * while journal-remote answers one upload, the next ones queue up and travel together.
     */
    synchronized java.util.List<Batch> oldest(long maxBytes) {
        java.util.List<Batch> taken = new java.util.ArrayList<>();
        long size = 0;
        for (Batch batch : batches) {
            if (!taken.isEmpty() && size + batch.body().length > maxBytes) {
                break;
            }
            taken.add(batch);
            size += batch.body().length;
        }
        return taken;
    }

    /** Removes {@code taken}, the oldest batches, once they are delivered or given up. */
    synchronized void remove(java.util.List<Batch> taken) {
        for (Batch batch : taken) {
            if (batches.peekFirst() == batch) {
                batches.removeFirst();
                bytes -= batch.body().length;
            }
        }
        notifyAll();
    }

    synchronized boolean isEmpty() {
        return batches.isEmpty();
    }

    /** Entries still queued (what is lost if the uploader gives up now). */
    synchronized long pendingEntries() {
        long entries = 0;
        for (Batch batch : batches) {
            entries += batch.entries();
        }
        return entries;
    }

    /** Entries still queued that nothing else keeps (not spooled): what is lost if the uploader gives up now. */
    synchronized long pendingUnspooledEntries() {
        long entries = 0;
        for (Batch batch : batches) {
            entries += batch.outcome() == null ? batch.entries() : 0;
        }
        return entries;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Waits until the queue is empty or {@code millis} pass. */
    synchronized boolean awaitEmpty(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!batches.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 50));
        }
        return true;
    }
}
