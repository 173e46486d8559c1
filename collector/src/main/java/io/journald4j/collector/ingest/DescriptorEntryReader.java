package io.journald4j.collector.ingest;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * Reads an entry passed as a file descriptor, with journald's checks, and always closes the descriptor.
 *
 * <p>Mirrors {@code server_process_native_file} in journald-native.c: the file must be a memfd or lie
 * directly in {@code /dev/shm}, {@code /tmp} or {@code /var/tmp}; it must be a regular file, not empty
 * and not over the size cap; it is read from offset 0 whatever the descriptor's position. Two
 * differences, both because Java 17 cannot call {@code fcntl}: memfd seals are not verified (the size
 * cap bounds what an unsealed memfd could cost), and the directory check also applies to root senders,
 * whose credentials junixsocket does not pass on.
 */
final class DescriptorEntryReader {

    private static final String[] ALLOWED_DIRECTORIES = {"/dev/shm/", "/tmp/", "/var/tmp/"};
    private static final String MEMFD_PREFIX = "/memfd:";
    private static final String DELETED_SUFFIX = " (deleted)";

    private final long maxBytes;

    DescriptorEntryReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The result of one descriptor: the content, or why it was refused. */
    static final class Outcome {
        final ByteBuffer content;
        final Rejection rejection;

        private Outcome(ByteBuffer content, Rejection rejection) {
            this.content = content;
            this.rejection = rejection;
        }
    }

    Outcome read(FileDescriptor descriptor) {
        try (FileInputStream in = new FileInputStream(descriptor)) {
            return inspectAndRead(descriptor, in.getChannel());
        } catch (IOException e) {
            return new Outcome(null, Rejection.DESCRIPTOR_UNREADABLE);
        }
    }

    /** Closes a descriptor that is refused without being read. */
    static void close(FileDescriptor descriptor) throws IOException {
        new FileInputStream(descriptor).close();
    }

    private Outcome inspectAndRead(FileDescriptor descriptor, FileChannel channel) throws IOException {
        int number = FileDescriptorCast.using(descriptor).as(Integer.class);
        Path link = Paths.get("/proc/self/fd/" + number);
        if (!Files.isRegularFile(link)) {
            return new Outcome(null, Rejection.DESCRIPTOR_NOT_REGULAR);
        }
        if (!isAllowedLocation(Files.readSymbolicLink(link).toString())) {
            return new Outcome(null, Rejection.DESCRIPTOR_OUTSIDE_ALLOWED_DIRECTORIES);
        }
        long size = channel.size();
        if (size == 0) {
            return new Outcome(null, Rejection.DESCRIPTOR_EMPTY);
        }
        if (size > maxBytes) {
            return new Outcome(null, Rejection.DESCRIPTOR_TOO_LARGE);
        }
        ByteBuffer content = ByteBuffer.allocate((int) size);
        while (content.hasRemaining()) {
            if (channel.read(content, content.position()) < 0) {
                break;
            }
        }
        content.flip();
        return new Outcome(content, null);
    }

    static boolean isAllowedLocation(String target) {
        if (target.startsWith(MEMFD_PREFIX)) {
            return true;
        }
        String path = target.endsWith(DELETED_SUFFIX)
                ? target.substring(0, target.length() - DELETED_SUFFIX.length())
                : target;
        for (String directory : ALLOWED_DIRECTORIES) {
            if (path.startsWith(directory)) {
                String name = path.substring(directory.length());
                return !name.isEmpty() && name.indexOf('/') < 0;
            }
        }
        return false;
    }
}
