package io.journald4j.entry;

import io.journald4j.protocol.JournalEncoder;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small lock-free pool of {@link EntryBuffer}s for concurrent logging threads.
 *
 * <p>Chosen over a {@code ThreadLocal} because appenders live in application servers, where
 * thread-locals on pooled threads pin the web application's class loader after undeploy. Threads
 * start probing at a slot derived from their id, so uncontended threads keep hitting "their" buffer.
 * When every slot is taken a fresh buffer is made (and kept only if a slot is free on release), so a
 * burst of threads costs garbage, never waiting.
 */
public final class EntryBufferPool {

    private final AtomicReferenceArray<EntryBuffer> slots;
    private final int maxEntrySize;

    public EntryBufferPool(int size, int maxEntrySize) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1: " + size);
        }
        if (maxEntrySize < JournalEncoder.DEFAULT_INITIAL_CAPACITY) {
            throw new IllegalArgumentException("maxEntrySize must be at least "
                    + JournalEncoder.DEFAULT_INITIAL_CAPACITY + " bytes: " + maxEntrySize);
        }
        this.slots = new AtomicReferenceArray<>(size);
        this.maxEntrySize = maxEntrySize;
    }

    /** A pool sized for the machine: twice the processors, at least 4. */
    public static EntryBufferPool forMachine(int maxEntrySize) {
        return new EntryBufferPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), maxEntrySize);
    }

    /** A reset buffer, owned by the caller until {@link #release}. */
    public EntryBuffer acquire() {
        int length = slots.length();
        int start = firstSlot(length);
        for (int i = 0; i < length; i++) {
            EntryBuffer buffer = slots.getAndSet((start + i) % length, null);
            if (buffer != null) {
                return buffer.reset();
            }
        }
        return new EntryBuffer(maxEntrySize);
    }

    public void release(EntryBuffer buffer) {
        int length = slots.length();
        int start = firstSlot(length);
        for (int i = 0; i < length; i++) {
            if (slots.compareAndSet((start + i) % length, null, buffer)) {
                return;
            }
        }
    }

    @SuppressWarnings("deprecation") // Thread.getId: threadId() needs Java 19, and appenders target 11
    private static int firstSlot(int length) {
        return (int) (Thread.currentThread().getId() % length);
    }
}
