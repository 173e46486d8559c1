package io.journald4j.collector.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads the records of one segment file in order, checking each one's length and checksum.
 *
 * <p>Reads go through one reused buffer (grown for a record larger than it); the payload of the
 * current record is exposed as a reused view, valid until the next call, so reading allocates
 * nothing per record.
 */
final class SegmentCursor implements Closeable {

    /** The outcome of one {@link #next} step. */
    enum Step {
        RECORD,
        /** No complete record before the limit: the end of what is written so far. */
        END,
        /** What follows is not a valid record; {@link #corruption()} says why. */
        CORRUPT
    }

    /** Larger than any message the collector accepts: a length beyond it is garbage. */
    private static final int MAX_PAYLOAD = 1 << 30;

    private static final int INITIAL_BUFFER = 1024 * 1024;

    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_BUFFER);
    private ByteBuffer payloadView = ByteBuffer.wrap(buffer.array());
    /** File offset of buffer index 0. */
    private long bufferStart;
    /** Valid bytes in the buffer. */
    private int bufferFill;
    /** Buffer index of the next record. */
    private int next;

    private long recordOffset;
    private long sequence;
    private long receivedMicros;
    private String corruption;

    private SegmentCursor(FileChannel channel) {
        this.channel = channel;
    }

    static SegmentCursor open(Path file) throws IOException {
        return new SegmentCursor(FileChannel.open(file, StandardOpenOption.READ));
    }

    /**
     * Moves to the next record that lies wholly before file offset {@code limit}.
     *
     * @param limitIsEnd whether nothing more will ever be written before {@code limit} (recovery, a
     *     sealed segment): then a partial record at the end is a torn write, not one in progress
     */
    Step next(long limit, boolean limitIsEnd) throws IOException {
        long offset = bufferStart + next;
        if (offset >= limit) {
            return Step.END;
        }
        if (!fill(SpoolRecord.HEADER_BYTES, limit)) {
            return limitIsEnd ? corrupt(offset, "torn header (" + (limit - offset) + " bytes left)") : Step.END;
        }
        int length = buffer.getInt(next);
        if (length < 0 || length > MAX_PAYLOAD) {
            return corrupt(offset, "impossible length " + length);
        }
        if (offset + SpoolRecord.HEADER_BYTES + length > limit) {
            return limitIsEnd
                    ? corrupt(
                            offset,
                            "torn record: " + length + " payload bytes announced, "
                                    + (limit - offset - SpoolRecord.HEADER_BYTES) + " present")
                    : Step.END;
        }
        if (!fill(SpoolRecord.HEADER_BYTES + length, limit)) {
            return corrupt(offset, "short read");
        }
        int stored = buffer.getInt(next + 4);
        if (stored != SpoolRecord.checksum(buffer, next, length, crc)) {
            return corrupt(offset, "checksum mismatch");
        }
        recordOffset = offset;
        sequence = buffer.getLong(next + 8);
        receivedMicros = buffer.getLong(next + 16);
        payloadView.limit(next + SpoolRecord.HEADER_BYTES + length).position(next + SpoolRecord.HEADER_BYTES);
        next += SpoolRecord.HEADER_BYTES + length;
        return Step.RECORD;
    }

    /** Makes {@code bytes} bytes from the next record on available in the buffer; false if the file ends first. */
    private boolean fill(int bytes, long limit) throws IOException {
        if (bufferFill - next >= bytes) {
            return true;
        }
        if (bytes > buffer.capacity()) {
            ByteBuffer larger = ByteBuffer.allocate(bytes);
            larger.put(buffer.array(), next, bufferFill - next);
            buffer = larger;
            payloadView = ByteBuffer.wrap(buffer.array());
        } else {
            System.arraycopy(buffer.array(), next, buffer.array(), 0, bufferFill - next);
        }
        bufferStart += next;
        bufferFill -= next;
        next = 0;
        while (bufferFill < bytes) {
            long fileOffset = bufferStart + bufferFill;
            int room = (int) Math.min(buffer.capacity() - bufferFill, limit - fileOffset);
            if (room <= 0) {
                return false;
            }
            buffer.limit(bufferFill + room).position(bufferFill);
            int read = channel.read(buffer, fileOffset);
            buffer.clear();
            if (read <= 0) {
                return false;
            }
            bufferFill += read;
        }
        return true;
    }

    private Step corrupt(long offset, String reason) {
        recordOffset = offset;
        corruption = reason;
        return Step.CORRUPT;
    }

    /** File offset of the current record (or of the corruption). */
    long recordOffset() {
        return recordOffset;
    }

    long sequence() {
        return sequence;
    }

    long receivedMicros() {
        return receivedMicros;
    }

    /** The current record's message, position to limit; valid until the next call. */
    ByteBuffer payload() {
        return payloadView;
    }

    String corruption() {
        return corruption;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
