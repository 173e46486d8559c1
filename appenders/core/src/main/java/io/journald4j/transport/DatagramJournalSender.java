package io.journald4j.transport;

import io.journald4j.protocol.JournalEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends entries to journald (or a journald4j collector) over an AF_UNIX datagram socket.
 *
 * <p>Each entry goes as one datagram; one too large for a datagram goes as a file descriptor
 * ({@link DescriptorRoute}). The socket is connected once and replaced when it breaks, so the sender
 * survives journald restarts. What happens when the journal cannot take an entry is the
 * {@link SendPolicy}: {@code block} waits up to the block timeout, {@code drop} never waits. Either
 * way the caller never sees an exception: drops are counted and reported to the {@link SendListener}.
 *
 * <p>Safe for concurrent callers. A healthy send allocates nothing of its own; junixsocket 2.11.1
 * allocates 16 B per write (a method reference it creates per call), which is all a send costs.
 */
public final class DatagramJournalSender implements JournalSender {

    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final SenderConfig config;
    private final SendListener listener;
    private final SenderStatistics statistics = new SenderStatistics();
    private final DescriptorRoute descriptors;
    private final Object connectLock = new Object();

    private volatile JournalSocket socket;
    private volatile boolean closed;
    /** Set when a caller waited out the block timeout in this outage: later callers drop at once until reconnected. */
    private volatile boolean gaveUp;
    /** Guarded by connectLock: when an unforced reconnect may next be tried, and why the last one failed. */
    private long nextConnectNanos;

    private JournalUnavailableException lastConnectFailure;
    /** Guarded by connectLock: whether the socket failed since it was last connected. */
    private boolean broken;

    private DatagramJournalSender(SenderConfig config, SendListener listener) {
        this.config = config;
        this.listener = listener;
        this.descriptors = new DescriptorRoute(config);
    }

    /**
     * Creates a sender and tries to connect at once; an absent journal is not an error here (it may
     * appear later) but is reported to the listener as a drop-free warning.
     */
    public static DatagramJournalSender open(SenderConfig config, SendListener listener) {
        DatagramJournalSender sender = new DatagramJournalSender(config, listener);
        try {
            sender.connect(true);
        } catch (JournalUnavailableException e) {
            listener.onError("the journal is not reachable yet; entries wait or drop per policy " + config.policy(), e);
        }
        return sender;
    }

    @Override
    public boolean send(JournalEncoder encoder) {
        if (encoder.isTooLarge()) {
            return dropped(
                    DropReason.TOO_LARGE,
                    new EntryTooLargeException(
                            "entry exceeds the maximum entry size of " + encoder.maxEntrySize() + " bytes",
                            encoder.maxEntrySize(),
                            null));
        }
        return send(encoder.entry());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The caller's interrupt flag is cleared for the duration of the send and restored after: a
     * channel written to by an interrupted thread closes itself (it is an
     * {@code AbstractInterruptibleChannel}), which would break the socket for every thread. Logback's
     * {@code AsyncAppender} interrupts its worker at shutdown and then drains its queue through us,
     * and applications log from interrupted threads all the time. An interrupted caller is never held
     * waiting for an absent journal, though: its entry is dropped as {@link DropReason#INTERRUPTED}.
     */
    @Override
    public boolean send(ByteBuffer entry) {
        boolean interrupted = Thread.interrupted();
        try {
            return sendWithRetry(entry, interrupted);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean sendWithRetry(ByteBuffer entry, boolean interrupted) {
        int start = entry.position();
        long deadline = 0;
        long backoff = FIRST_BACKOFF_NANOS;
        boolean waiting = false;
        while (true) {
            try {
                return transmit(entry, waiting);
            } catch (EntryTooLargeException e) {
                return dropped(DropReason.TOO_LARGE, e);
            } catch (JournalUnavailableException e) {
                entry.position(start);
                if (closed || config.policy() == SendPolicy.DROP || gaveUp) {
                    return dropped(DropReason.UNAVAILABLE, e);
                }
                if (interrupted || Thread.currentThread().isInterrupted()) {
                    return dropped(DropReason.INTERRUPTED, e);
                }
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + config.blockTimeout().toNanos();
                } else if (now - deadline >= 0) {
                    gaveUp = true;
                    return dropped(DropReason.UNAVAILABLE, e);
                }
                LockSupport.parkNanos(Math.min(backoff, deadline - now));
                backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
                waiting = true;
            } catch (IOException e) {
                return dropped(DropReason.IO_ERROR, e);
            }
        }
    }

    /** One attempt; {@code waiting} callers reconnect on every attempt instead of every reconnect interval. */
    private boolean transmit(ByteBuffer entry, boolean waiting) throws IOException {
        JournalSocket current = socket;
        if (current == null) {
            current = connect(waiting);
        }
        int start = entry.position();
        if (entry.remaining() <= current.maxDatagramSize()) {
            try {
                if (current.write(entry) > 0) {
                    return delivered(false);
                }
                return dropped(DropReason.QUEUE_FULL, null);
            } catch (JournalUnavailableException e) {
                discard(current, e);
                throw e;
            } catch (EntryTooLargeException e) {
                entry.position(start);
            }
        }
        descriptors.send(entry);
        return delivered(true);
    }

    /** Connects unless another thread already did; unforced attempts are spaced by the reconnect interval. */
    private JournalSocket connect(boolean force) throws JournalUnavailableException {
        synchronized (connectLock) {
            JournalSocket current = socket;
            if (current != null) {
                return current;
            }
            if (closed) {
                throw new JournalUnavailableException("the sender is closed", null);
            }
            long now = System.nanoTime();
            if (!force && lastConnectFailure != null && now - nextConnectNanos < 0) {
                throw lastConnectFailure;
            }
            try {
                current = JournalSocket.connect(config);
            } catch (JournalUnavailableException e) {
                lastConnectFailure = e;
                nextConnectNanos = now + config.reconnectInterval().toNanos();
                broken = true;
                throw e;
            }
            socket = current;
            lastConnectFailure = null;
            gaveUp = false;
            if (broken) {
                broken = false;
                listener.onReconnected();
            }
            return current;
        }
    }

    private void discard(JournalSocket failed, JournalUnavailableException cause) {
        synchronized (connectLock) {
            if (socket == failed) {
                socket = null;
                broken = true;
                IOException closing = failed.close();
                if (closing != null) {
                    cause.addSuppressed(closing);
                }
            }
        }
    }

    private boolean delivered(boolean viaDescriptor) {
        statistics.recordDelivered(viaDescriptor);
        return true;
    }

    private boolean dropped(DropReason reason, Throwable cause) {
        statistics.recordDropped(reason);
        listener.onDropped(reason, cause);
        return false;
    }

    @Override
    public SenderStatistics statistics() {
        return statistics;
    }

    public SenderConfig config() {
        return config;
    }

    @Override
    public void close() {
        synchronized (connectLock) {
            closed = true;
            JournalSocket current = socket;
            socket = null;
            IOException closing = current == null ? null : current.close();
            if (closing != null) {
                listener.onError("closing the journal socket failed", closing);
            }
        }
        IOException closing = descriptors.close();
        if (closing != null) {
            listener.onError("closing the journal descriptor socket failed", closing);
        }
    }
}
