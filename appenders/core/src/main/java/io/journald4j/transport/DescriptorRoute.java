package io.journald4j.transport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXDatagramSocket;

/**
 * Passes an entry too large for one datagram as a file descriptor, as libsystemd does.
 *
 * <p>The entry is written to a file directly in {@code /dev/shm} (or {@code /tmp}, {@code /var/tmp}),
 * the file is unlinked, and its descriptor travels with SCM_RIGHTS in a datagram with an empty
 * payload. journald accepts unsealed files from unprivileged senders only in those three directories
 * and up to 385 MiB ({@code server_process_native_file} in {@code journald-native.c}); v256+ also
 * refuses descriptors opened with O_APPEND, O_SYNC or O_NONBLOCK, so the file is opened plainly
 * read-write. (A sealed memfd would avoid the file, but the JDK cannot create one before Java 22.)
 *
 * <p>It owns its own connected socket: outbound descriptors are per-socket state in junixsocket, and
 * sharing the datagram socket would attach one to another thread's entry. Sends are serialised.
 */
final class DescriptorRoute {

    /** {@code ENTRY_SIZE_MAX / 2}: journald's limit for a file that is not a sealed memfd. */
    static final long MAX_UNSEALED_ENTRY = 385L * 1024 * 1024;

    private static final List<Path> ALLOWED_DIRECTORIES =
            List.of(Paths.get("/dev/shm"), Paths.get("/tmp"), Paths.get("/var/tmp"));

    private static final byte[] NO_PAYLOAD = new byte[0];

    private final SenderConfig config;
    private AFUNIXDatagramChannel channel;

    DescriptorRoute(SenderConfig config) {
        this.config = config;
    }

    /** Writes the entry to an unlinked file and passes its descriptor to the journal. */
    synchronized void send(ByteBuffer entry) throws IOException {
        long size = entry.remaining();
        if (size > MAX_UNSEALED_ENTRY) {
            throw new EntryTooLargeException(
                    "entry of " + size + " bytes exceeds journald's " + MAX_UNSEALED_ENTRY + "-byte limit", size, null);
        }
        Path file = Files.createTempFile(directory(), "journald4j-", ".entry");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            Files.delete(file);
            FileChannel content = out.getChannel();
            while (entry.hasRemaining()) {
                content.write(entry);
            }
            passDescriptor(out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void passDescriptor(RandomAccessFile file) throws IOException {
        AFUNIXDatagramSocket socket = (AFUNIXDatagramSocket) connected().socket();
        try {
            socket.setOutboundFileDescriptors(file.getFD());
            socket.send(new DatagramPacket(NO_PAYLOAD, 0));
        } catch (IOException e) {
            IOException closing = close();
            if (closing != null) {
                e.addSuppressed(closing);
            }
            throw new JournalUnavailableException(
                    "passing a descriptor to " + config.socketPath() + " failed: " + e, e);
        }
    }

    private AFUNIXDatagramChannel connected() throws JournalUnavailableException {
        if (channel != null) {
            return channel;
        }
        channel = JournalSocket.openChannel(config, 0);
        return channel;
    }

    private static Path directory() throws IOException {
        for (Path candidate : ALLOWED_DIRECTORIES) {
            if (Files.isDirectory(candidate) && Files.isWritable(candidate)) {
                return candidate;
            }
        }
        throw new IOException("no writable directory for large entries among " + ALLOWED_DIRECTORIES);
    }

    /** Closes the socket; an error closing it is returned, not thrown, since the socket is discarded anyway. */
    synchronized IOException close() {
        if (channel == null) {
            return null;
        }
        try {
            channel.close();
            return null;
        } catch (IOException e) {
            return e;
        } finally {
            channel = null;
        }
    }
}
