package io.journald4j.collector.ingest;

import io.journald4j.collector.metrics.CollectorMetrics;
import io.journald4j.collector.ring.IngestRing;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Instant;
import java.util.function.Consumer;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXDatagramSocket;

/**
 * The receive thread: reads datagrams and passed descriptors, applies journald's acceptance rules,
 * counts, and publishes each accepted message to the ring (its single producer).
 *
 * <p>It blocks in {@code read} without a timeout, because junixsocket reports a zero-length
 * datagram the same way as a timeout (an empty buffer); closing the channel ends the loop. It reads
 * rather than {@code receive}s: the sender's address is of no use here, and looking it up cost a
 * fifth of the receive thread's time (1.6-1.9 against 1.3-1.5 µs per datagram, same run). Descriptors are collected after every receive, the zero-length ones included, since
 * that is how libsystemd passes large entries.
 */
public final class ReceiveLoop implements Runnable {

    /**
     * What {@link #wakeUp()} sends to unblock a pending receive; a comment line, which journald
     * would ignore too, so a stray one is harmless.
     */
    private static final byte[] WAKE_UP =
            "#journald4j-collector: stop\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Larger than the largest datagram Linux delivers (about 4.26 MB): truncation would be silent. */
    public static final int RECEIVE_BUFFER = 8 * 1024 * 1024;

    private final AFUNIXDatagramChannel channel;
    /** Guarded by ringLock: publishing and swapping never overlap, so a replaced ring gets nothing after its swap. */
    private IngestRing ring;

    private final Object ringLock = new Object();
    private final CollectorMetrics metrics;
    private final EntryCounter counter;
    private final DescriptorEntryReader descriptors;
    private final Consumer<String> log;
    private volatile boolean running = true;

    public ReceiveLoop(
            AFUNIXDatagramChannel channel,
            IngestRing ring,
            CollectorMetrics metrics,
            long maxDescriptorBytes,
            Consumer<String> log) {
        this.channel = channel;
        this.ring = ring;
        this.metrics = metrics;
        this.counter = new EntryCounter(metrics);
        this.descriptors = new DescriptorEntryReader(maxDescriptorBytes);
        this.log = log;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
        AFUNIXDatagramSocket socket = (AFUNIXDatagramSocket) channel.socket();
        while (running) {
            buffer.clear();
            try {
                channel.read(buffer);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (!running || !channel.isOpen()) {
                    break;
                }
                log.accept("receive failed, continuing: " + e);
                continue;
            }
            buffer.flip();
            if (!running && isWakeUp(buffer)) {
                break;
            }
            FileDescriptor[] passed = receivedDescriptors(socket);
            if (passed.length > 0) {
                handleDescriptors(passed, buffer.remaining());
            } else if (buffer.hasRemaining()) {
                metrics.recordDatagram(buffer.remaining());
                deliver(buffer);
            } else if (running && channel.isOpen()) {
                metrics.recordRejected(Rejection.EMPTY_DATAGRAM);
            }
        }
    }

    /**
     * Makes {@code replacement} the ring for every message from now on (a configuration reload) and
     * returns the previous one, to which nothing is published any more once this returns.
     */
    public IngestRing swapRing(IngestRing replacement) {
        synchronized (ringLock) {
            IngestRing previous = ring;
            ring = replacement;
            return previous;
        }
    }

    /** Stops the loop after the message being received; {@link #wakeUp()} ends a receive that waits for one. */
    public void stop() {
        running = false;
    }

    /**
     * Sends the socket a wake-up datagram, so that a receive blocked with nothing to read returns.
     * Closing the channel does not reliably do it (not for a socket passed by systemd), and a
     * receive timeout would make zero-length datagrams indistinguishable from silence.
     */
    public void wakeUp() {
        try (AFUNIXDatagramChannel waker = AFUNIXDatagramChannel.open()) {
            waker.configureBlocking(false);
            waker.send(ByteBuffer.wrap(WAKE_UP), channel.getLocalAddress());
        } catch (IOException e) {
            log.accept("waking the receive thread failed (it ends when the socket closes): " + e);
        }
    }

    private static boolean isWakeUp(ByteBuffer message) {
        if (message.remaining() != WAKE_UP.length) {
            return false;
        }
        for (int i = 0; i < WAKE_UP.length; i++) {
            if (message.get(message.position() + i) != WAKE_UP[i]) {
                return false;
            }
        }
        return true;
    }

    private FileDescriptor[] receivedDescriptors(AFUNIXDatagramSocket socket) {
        try {
            FileDescriptor[] passed = socket.getReceivedFileDescriptors();
            return passed == null ? new FileDescriptor[0] : passed;
        } catch (IOException e) {
            log.accept("reading passed descriptors failed: " + e);
            return new FileDescriptor[0];
        }
    }

    private void handleDescriptors(FileDescriptor[] passed, int payloadBytes) {
        metrics.recordDescriptor();
        if (payloadBytes > 0 || passed.length > 1) {
            metrics.recordRejected(
                    payloadBytes > 0 ? Rejection.PAYLOAD_WITH_DESCRIPTORS : Rejection.TOO_MANY_DESCRIPTORS);
            for (FileDescriptor descriptor : passed) {
                closeRefused(descriptor);
            }
            return;
        }
        DescriptorEntryReader.Outcome outcome = descriptors.read(passed[0]);
        if (outcome.rejection != null) {
            metrics.recordRejected(outcome.rejection);
            return;
        }
        deliver(outcome.content);
    }

    private void closeRefused(FileDescriptor descriptor) {
        try {
            DescriptorEntryReader.close(descriptor);
        } catch (IOException e) {
            log.accept("closing a refused descriptor failed: " + e);
        }
    }

    private void deliver(ByteBuffer message) {
        int entries = counter.count(message);
        if (entries == 0) {
            metrics.recordRejected(Rejection.NO_ENTRIES);
            return;
        }
        metrics.recordEntries(entries);
        boolean published;
        synchronized (ringLock) {
            published = ring.publish(message, nowMicros());
        }
        if (!published) {
            metrics.recordDropped(running ? CollectorMetrics.Drop.RING_FULL : CollectorMetrics.Drop.SHUTDOWN);
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
