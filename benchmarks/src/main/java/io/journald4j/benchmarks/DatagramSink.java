package io.journald4j.benchmarks;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A datagram socket that stands in for journald and only counts what arrives, so that a benchmark
 * measures the sender, not journald's storage.
 */
final class DatagramSink implements AutoCloseable {

    private final Path socketPath;
    private final AFUNIXDatagramChannel channel;
    private final AtomicLong received = new AtomicLong();
    private final Thread drainer;

    private DatagramSink(Path socketPath, AFUNIXDatagramChannel channel) {
        this.socketPath = socketPath;
        this.channel = channel;
        this.drainer = new Thread(this::drain, "datagram-sink");
        this.drainer.setDaemon(true);
    }

    /** Binds a fresh socket in a new temporary directory and starts draining it. */
    static DatagramSink open() throws IOException {
        Path directory = Files.createTempDirectory("journald4j-sink");
        Path socketPath = directory.resolve("socket");
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
        channel.bind(AFUNIXSocketAddress.of(socketPath));
        DatagramSink sink = new DatagramSink(socketPath, channel);
        sink.drainer.start();
        return sink;
    }

    Path socketPath() {
        return socketPath;
    }

    long received() {
        return received.get();
    }

    /** Waits until {@code expected} datagrams arrived in total or the deadline passed; returns the count. */
    long awaitReceived(long expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (received.get() < expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        return received.get();
    }

    private void drain() {
        ByteBuffer datagram = ByteBuffer.allocateDirect(256 * 1024);
        try {
            while (true) {
                datagram.clear();
                channel.receive(datagram);
                received.incrementAndGet();
            }
        } catch (ClosedChannelException e) {
            // close() ends the drain.
        } catch (IOException e) {
            throw new IllegalStateException("the sink stopped receiving", e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(socketPath);
        Files.deleteIfExists(socketPath.getParent());
    }
}
