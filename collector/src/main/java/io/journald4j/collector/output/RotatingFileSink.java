package io.journald4j.collector.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Lines appended to a file, rotated by size: {@code out.jsonl} becomes {@code out.jsonl.1}, the
 * older ones shift up, and at most {@code keep} rotated files remain. Rotation happens between
 * batches, so a line is never split across files.
 */
public final class RotatingFileSink implements LineSink {

    private final Path file;
    private final long rotateBytes;
    private final int keep;
    private FileChannel channel;
    private long size;

    /**
     * @param rotateBytes rotate once the file has reached this size; 0 never rotates
     * @param keep how many rotated files to keep
     */
    public RotatingFileSink(Path file, long rotateBytes, int keep) throws IOException {
        if (rotateBytes < 0 || keep < 0) {
            throw new IllegalArgumentException("rotateBytes and keep must not be negative");
        }
        this.file = file;
        this.rotateBytes = rotateBytes;
        this.keep = keep;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    private void open() throws IOException {
        channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
    }

    @Override
    public void write(byte[] bytes, int offset, int length, int entries) throws IOException {
        if (rotateBytes > 0 && size > 0 && size + length > rotateBytes) {
            rotate();
        }
        ByteBuffer batch = ByteBuffer.wrap(bytes, offset, length);
        try {
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
        } catch (IOException e) {
            // A batch is written whole or not at all: cut off what a full disk let through, so no line is torn.
            try {
                channel.truncate(size);
            } catch (IOException truncating) {
                e.addSuppressed(truncating);
            }
            throw e;
        }
        size += length;
    }

    private void rotate() throws IOException {
        channel.close();
        if (keep == 0) {
            Files.delete(file);
        } else {
            Files.deleteIfExists(rotated(keep));
            for (int i = keep - 1; i >= 1; i--) {
                if (Files.exists(rotated(i))) {
                    Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path rotated(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    @Override
    public String describe() {
        return "jsonl:" + file;
    }

    @Override
    public void close() throws IOException {
        channel.force(false);
        channel.close();
    }
}
