package io.journald4j.collector.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The layout of one record in a segment file: a 24-byte header, then the message exactly as it was
 * received (the native-protocol bytes of one datagram or descriptor).
 *
 * <pre>
 * offset 0   int   payload length
 * offset 4   int   CRC-32C of bytes 8 .. end of payload
 * offset 8   long  sequence number (one per message, gap-free within a segment)
 * offset 16  long  receive time, microseconds since the epoch
 * offset 24  payload
 * </pre>
 *
 * Big-endian, as {@link ByteBuffer} is by default. The checksum covers the sequence and time so a
 * torn or stale header is caught as surely as a torn payload.
 */
final class SpoolRecord {

    static final int HEADER_BYTES = 24;

    private SpoolRecord() {}

    /**
     * Writes a whole record for {@code payload} (its position to limit, left unchanged) at
     * {@code target}'s position, which must be a heap buffer with room for it.
     */
    static void put(ByteBuffer target, long sequence, long receivedMicros, ByteBuffer payload, CRC32C crc) {
        int start = putFields(target, payload.remaining(), sequence, receivedMicros);
        int length = payload.remaining();
        target.put(start + HEADER_BYTES, payload, payload.position(), length);
        target.position(start + HEADER_BYTES + length);
        target.putInt(start + 4, checksum(target, start, length, crc));
    }

    /** Writes only the header of a record whose payload is written separately (a message larger than the buffer). */
    static void putHeader(ByteBuffer target, long sequence, long receivedMicros, ByteBuffer payload, CRC32C crc) {
        int start = putFields(target, payload.remaining(), sequence, receivedMicros);
        crc.reset();
        crc.update(target.array(), target.arrayOffset() + start + 8, 16);
        crc.update(payload.duplicate());
        target.putInt(start + 4, (int) crc.getValue());
    }

    /** Writes the header with a zero checksum, to be filled in; returns where the record starts. */
    private static int putFields(ByteBuffer target, int length, long sequence, long receivedMicros) {
        int start = target.position();
        target.putInt(length);
        target.putInt(0);
        target.putLong(sequence);
        target.putLong(receivedMicros);
        return start;
    }

    /** The checksum of a record whose header starts at {@code headerStart} in {@code buffer}'s backing array. */
    static int checksum(ByteBuffer buffer, int headerStart, int payloadLength, CRC32C crc) {
        crc.reset();
        crc.update(buffer.array(), buffer.arrayOffset() + headerStart + 8, 16 + payloadLength);
        return (int) crc.getValue();
    }
}
