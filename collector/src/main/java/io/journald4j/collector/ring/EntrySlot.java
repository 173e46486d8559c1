package io.journald4j.collector.ring;

import java.nio.ByteBuffer;

/**
 * One preallocated ring slot: the bytes of one received datagram (or descriptor-passed entry) and
 * when it arrived.
 *
 * <p>Slots are allocated once, with an inline array of the configured slot size; a larger message
 * gets a one-off array that the last output to read it lets go ({@link #release()}), so the ring's
 * memory stays at its budget plus whatever large messages are in flight.
 */
public final class EntrySlot {

    private final byte[] inline;
    private final int readers;
    private final java.util.concurrent.atomic.AtomicInteger readersLeft =
            new java.util.concurrent.atomic.AtomicInteger();
    private final ByteBuffer inlineView;
    private ByteBuffer view;
    private byte[] overflow;
    private int length;
    private long receivedMicros;

    EntrySlot(int capacity) {
        this(capacity, 1);
    }

    /** A slot read by {@code readers} outputs. */
    EntrySlot(int capacity, int readers) {
        this.readers = readers;
        this.inline = new byte[capacity];
        this.inlineView = ByteBuffer.wrap(inline);
    }

    /** Copies the bytes between {@code source}'s position and limit into the slot, leaving the position unchanged. */
    void fill(ByteBuffer source, long receivedMicros) {
        int size = source.remaining();
        byte[] target = size <= inline.length ? inline : new byte[size];
        overflow = target == inline ? null : target;
        int start = source.position();
        source.get(target, 0, size);
        source.position(start);
        if (overflow != null) {
            readersLeft.set(readers);
        }
        view = overflow == null ? inlineView : ByteBuffer.wrap(overflow);
        view.limit(size).position(0);
        this.length = size;
        this.receivedMicros = receivedMicros;
    }

    /**
     * The message as a buffer from 0 to its length. Outputs share it and must only read it with
     * absolute gets (as the decoder does), never move its position or limit.
     */
    public ByteBuffer view() {
        return view;
    }

    /** The message bytes, valid from index 0 to {@link #length()}. */
    public byte[] bytes() {
        return overflow != null ? overflow : inline;
    }

    public int length() {
        return length;
    }

    /** Receive time in microseconds since the epoch: the collector's {@code __REALTIME_TIMESTAMP}. */
    public long receivedMicros() {
        return receivedMicros;
    }

    /**
     * Called by each output when it is done with the slot; the last one lets a large message's array
     * go at once rather than when the ring wraps around to this slot. Nothing to do for the common,
     * inline case, so the hot path costs one field read.
     */
    public void release() {
        if (overflow != null && readersLeft.decrementAndGet() == 0) {
            overflow = null;
            view = null;
        }
    }
}
