package io.journald4j.collector.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Disruptor ring between the receive thread (its single producer) and the outputs.
 *
 * <p>Slots are preallocated once from a memory budget; publishing copies the datagram into a slot
 * through a reused translator argument, so nothing is allocated per datagram. Every output is its
 * own {@link EventHandler} on its own thread; a slot is reused only when all of them are done with
 * it, and the last one to finish releases a large message's array.
 */
public final class IngestRing {

    /** The smallest ring, whatever the budget: a few bursts' worth. */
    static final int MIN_SLOTS = 64;

    private static final long FULL_RING_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    private static final long YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private static final EventTranslatorOneArg<EntrySlot, Arrival> COPY_IN =
            (slot, sequence, arrival) -> slot.fill(arrival.bytes, arrival.receivedMicros);

    private final Disruptor<EntrySlot> disruptor;
    private final RingBuffer<EntrySlot> ring;

    private final RingFullPolicy policy;
    private final Arrival arrival = new Arrival();
    private volatile boolean closing;

    /** The receive thread's reused translator argument. */
    private static final class Arrival {
        ByteBuffer bytes;
        long receivedMicros;
    }

    private final List<? extends EventHandler<EntrySlot>> outputs;

    /** Counted down by each output when it has closed (its {@code onShutdown} returned). */
    private final CountDownLatch closed;

    private IngestRing(
            Disruptor<EntrySlot> disruptor,
            RingFullPolicy policy,
            List<? extends EventHandler<EntrySlot>> outputs,
            CountDownLatch closed) {
        this.disruptor = disruptor;
        this.outputs = List.copyOf(outputs);
        this.closed = closed;
        this.ring = disruptor.start();
        this.policy = policy;
    }

    /**
     * Builds and starts the ring.
     *
     * @param memoryBudget bytes for all slots together; the slot count is the largest power of two
     *     that fits (at least {@value #MIN_SLOTS})
     * @param linger how long an output waits for more entries before flushing a partial batch
     */
    public static IngestRing start(
            long memoryBudget,
            int slotBytes,
            RingFullPolicy policy,
            List<? extends EventHandler<EntrySlot>> outputs,
            ExceptionHandler<EntrySlot> exceptionHandler,
            Duration linger,
            ThreadFactory threads) {
        if (slotBytes < 512) {
            throw new IllegalArgumentException("slotBytes must be at least 512: " + slotBytes);
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("at least one output is needed");
        }
        int slots = slotCount(memoryBudget, slotBytes);
        long lingerNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), linger.toNanos());
        int readers = outputs.size();
        Disruptor<EntrySlot> disruptor = new Disruptor<>(
                () -> new EntrySlot(slotBytes, readers),
                slots,
                threads,
                ProducerType.SINGLE,
                waitStrategy(lingerNanos));
        disruptor.setDefaultExceptionHandler(exceptionHandler);
        @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation: the DSL takes varargs
        EventHandler<EntrySlot>[] handlers = new EventHandler[readers];
        CountDownLatch closed = new CountDownLatch(readers);
        for (int i = 0; i < readers; i++) {
            handlers[i] = new ReleasingHandler(outputs.get(i), closed);
        }
        disruptor.handleEventsWith(handlers);
        return new IngestRing(disruptor, policy, outputs, closed);
    }

    /**
     * Spin briefly, then yield, then block with a timeout (so that lingering batches flush): under
     * load an output finds the next entry before it ever blocks, so the receive thread rarely pays a
     * lock and a wake-up per datagram; when idle, it blocks and costs nothing.
     */
    private static WaitStrategy waitStrategy(long lingerNanos) {
        return new PhasedBackoffWaitStrategy(
                SPIN_NANOS,
                YIELD_NANOS,
                TimeUnit.NANOSECONDS,
                new LiteTimeoutBlockingWaitStrategy(lingerNanos, TimeUnit.NANOSECONDS));
    }

    static int slotCount(long memoryBudget, int slotBytes) {
        long fit = Math.max(MIN_SLOTS, memoryBudget / slotBytes);
        int slots = Integer.highestOneBit((int) Math.min(fit, 1 << 30));
        return Math.max(MIN_SLOTS, slots);
    }

    /**
     * Copies one message into the next slot and publishes it; called only by the receive thread.
     *
     * @return false when the message was dropped because the ring was full (policy {@code drop}) or closing
     */
    public boolean publish(ByteBuffer message, long receivedMicros) {
        arrival.bytes = message;
        arrival.receivedMicros = receivedMicros;
        try {
            while (!ring.tryPublishEvent(COPY_IN, arrival)) {
                if (policy == RingFullPolicy.DROP || closing) {
                    return false;
                }
                LockSupport.parkNanos(FULL_RING_PAUSE_NANOS);
            }
            return true;
        } finally {
            arrival.bytes = null;
        }
    }

    public int capacity() {
        return ring.getBufferSize();
    }

    /** Slots published and not yet released by every output. */
    public long inUse() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /**
     * Lets the outputs finish what was published, then stops their threads and waits for them to
     * close (at most one more {@code timeout}).
     *
     * @return true if everything was processed within {@code timeout} and every output closed
     */
    public boolean drain(Duration timeout) {
        closing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        // Disruptor.shutdown() only waits for processors that are already running: one whose thread
        // has not started yet would be halted with its backlog. Waiting for the slowest output's
        // sequence to reach the cursor covers that case.
        while (ring.getMinimumGatingSequence() < ring.getCursor() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (ring.getMinimumGatingSequence() < ring.getCursor()) {
            for (EventHandler<EntrySlot> output : outputs) {
                if (output instanceof WaitsForRoom) {
                    ((WaitsForRoom) output).stopWaiting();
                }
            }
        }
        boolean drained;
        try {
            disruptor.shutdown(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            drained = ring.getMinimumGatingSequence() >= ring.getCursor();
        } catch (TimeoutException e) {
            disruptor.halt();
            drained = false;
        }
        // halt() only signals the output threads: wait until each has flushed and closed (a spool
        // records its progress then), or the JVM could exit under them. One more timeout at most.
        try {
            if (!closed.await(Math.max(0, deadline - System.nanoTime()) + timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                drained = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        return drained;
    }
}
