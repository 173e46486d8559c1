package io.journald4j.testing;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * An AF_UNIX datagram socket on a fresh temporary path that records everything sent to it, so that
 * sender tests can check the exact bytes on the wire without journald.
 *
 * <p>It receives like journald does: into an 8 MiB buffer (AF_UNIX truncates oversized datagrams
 * silently, so the buffer must exceed any datagram a test sends), and it accepts a file descriptor
 * passed with SCM_RIGHTS, normally in a zero-length datagram (journald's route for large entries):
 * it reads the whole file from offset 0, closes the descriptor and records the content with {@link
 * ReceivedDatagram#viaDescriptor()} true. Limits inherited from junixsocket: a zero-length datagram
 * without a descriptor is invisible, and at most 60 descriptors per datagram can be received.
 *
 * <p>If receiving fails (other than by {@link #close()}), {@link #received()} and {@link
 * #awaitDatagrams} throw, so a test cannot pass on partial data. Thread-safe.
 */
public final class JournalDatagramReceiver implements AutoCloseable {

    /** Receive buffer size: larger than the biggest datagram Linux accepts (about 4.26 MB). */
    public static final int BUFFER_SIZE = 8 * 1024 * 1024;

    /** How often the receiving thread wakes up to notice {@link #pause()} and {@link #close()}. */
    private static final int RECEIVE_TIMEOUT_MILLIS = 50;
    /** The receiving thread gives up after this many failures. */
    private static final int MAX_ERRORS = 10;
    /** sun_path holds 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH_BYTES = 107;

    private final Path directory;
    private final Path socketPath;
    private final AFUNIXDatagramChannel channel;
    private final Thread thread;
    private final Object lock = new Object();
    private final List<ReceivedDatagram> received = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private boolean paused;
    private boolean pauseAcknowledged;
    private volatile boolean closed;

    private JournalDatagramReceiver(Path directory) throws IOException {
        this.directory = directory;
        this.socketPath = directory.resolve("socket");
        this.channel = AFUNIXDatagramChannel.open();
        try {
            channel.bind(AFUNIXSocketAddress.of(socketPath));
            channel.setAncillaryReceiveBufferSize(256); // > 0 enables SCM_RIGHTS reception
            channel.socket().setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.thread = new Thread(this::receiveLoop, "JournalDatagramReceiver " + socketPath);
        thread.setDaemon(true);
        thread.start();
    }

    /** Binds a new receiver to a socket in a new temporary directory and starts receiving. */
    public static JournalDatagramReceiver open() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("journald4j-recv-");
            if (directory.resolve("socket").toString().getBytes(StandardCharsets.UTF_8).length
                    > MAX_SOCKET_PATH_BYTES) {
                Files.delete(directory);
                directory = Files.createTempDirectory(Paths.get("/tmp"), "journald4j-recv-");
            }
            return new JournalDatagramReceiver(directory);
        } catch (IOException e) {
            if (directory != null) {
                deleteRecursively(directory);
            }
            throw new UncheckedIOException("cannot open a datagram receiver", e);
        }
    }

    /**
     * Binds a new receiver to {@code directory/socket}, creating the directory, as a receiver that
     * restarts at the same path does; {@link #close()} deletes the directory.
     */
    public static JournalDatagramReceiver openIn(Path directory) {
        try {
            Files.createDirectories(directory);
            return new JournalDatagramReceiver(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a datagram receiver in " + directory, e);
        }
    }

    /** Where senders should send to. */
    public Path socketPath() {
        return socketPath;
    }

    /**
     * Everything received so far, in arrival order (a snapshot).
     *
     * @throws IllegalStateException if receiving failed
     */
    public List<ReceivedDatagram> received() {
        synchronized (lock) {
            checkErrors();
            return new ArrayList<>(received);
        }
    }

    /**
     * Waits until at least {@code count} items have arrived or the timeout passes, then returns all
     * received so far, however many: the caller asserts, so that a failure shows what did arrive.
     *
     * @throws IllegalStateException if receiving failed
     */
    public List<ReceivedDatagram> awaitDatagrams(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (received.size() < count && errors.isEmpty() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            checkErrors();
            return new ArrayList<>(received);
        }
    }

    /**
     * Stops receiving, so that datagrams sent after this returns stay in the kernel queue: senders
     * then see a full queue (EAGAIN, or a blocked send), as with a stalled journald. The queue holds
     * {@code net.unix.max_dgram_qlen} + 1 datagrams.
     */
    public void pause() {
        synchronized (lock) {
            paused = true;
            while (!pauseAcknowledged && thread.isAlive() && !closed) {
                try {
                    lock.wait(RECEIVE_TIMEOUT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Resumes receiving after {@link #pause()}; queued datagrams are then received in order. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Closes the socket, stops the receiving thread and deletes the temporary directory. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing useful to do in a test fixture.
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(directory);
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "JournalDatagramReceiver[" + socketPath + ", " + received.size() + " received]";
        }
    }

    private void checkErrors() {
        if (!errors.isEmpty()) {
            IllegalStateException e =
                    new IllegalStateException("receiving on " + socketPath + " failed", errors.get(0));
            for (int i = 1; i < errors.size(); i++) {
                e.addSuppressed(errors.get(i));
            }
            throw e;
        }
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        while (!closed) {
            if (!awaitNotPaused()) {
                return;
            }
            buffer.clear();
            try {
                // Returns null for a timeout, for a zero-length datagram and on close(): check for
                // descriptors after every call, or a descriptor-only datagram would go unnoticed.
                channel.receive(buffer);
            } catch (SocketTimeoutException e) {
                // Check for descriptors and flags below.
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (recordError(e) >= MAX_ERRORS) {
                    return; // The socket is broken; stop rather than spin.
                }
            }
            if (closed) {
                return;
            }
            buffer.flip();
            if (buffer.hasRemaining()) {
                byte[] payload = new byte[buffer.remaining()];
                buffer.get(payload);
                add(new ReceivedDatagram(payload, false));
            }
            FileDescriptor[] descriptors;
            try {
                descriptors = channel.getReceivedFileDescriptors();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    recordError(e);
                }
                continue;
            }
            if (descriptors != null) {
                for (FileDescriptor descriptor : descriptors) {
                    try {
                        add(new ReceivedDatagram(readWholeFile(descriptor), true));
                    } catch (IOException | RuntimeException e) {
                        recordError(e);
                    }
                }
            }
        }
    }

    /** Blocks while paused; returns false if closed meanwhile. */
    private boolean awaitNotPaused() {
        synchronized (lock) {
            while (paused && !closed) {
                pauseAcknowledged = true;
                lock.notifyAll();
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            pauseAcknowledged = false;
            return !closed;
        }
    }

    /** Reads from offset 0 with positional reads (the sender may have left the offset at the end), then closes. */
    private static byte[] readWholeFile(FileDescriptor descriptor) throws IOException {
        try (FileInputStream in = new FileInputStream(descriptor);
                FileChannel file = in.getChannel()) {
            long size = file.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("passed file too large for a test: " + size + " bytes");
            }
            ByteBuffer content = ByteBuffer.allocate((int) size);
            long position = 0;
            while (content.hasRemaining()) {
                int n = file.read(content, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
            content.flip();
            byte[] bytes = new byte[content.remaining()];
            content.get(bytes);
            return bytes;
        }
    }

    private void add(ReceivedDatagram datagram) {
        synchronized (lock) {
            received.add(datagram);
            lock.notifyAll();
        }
    }

    private int recordError(Throwable e) {
        synchronized (lock) {
            errors.add(e);
            lock.notifyAll();
            return errors.size();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort.
        }
    }
}
