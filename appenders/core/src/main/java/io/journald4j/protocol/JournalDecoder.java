package io.journald4j.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Parses native-protocol datagrams exactly as journald does.
 *
 * <p>The loop follows {@code server_process_entry} and {@code server_process_native_message} in
 * systemd's {@code src/journal/journald-native.c} (v252) line by line, including its unwritten rules: an
 * empty line separates entries, so one datagram may carry several; a datagram that starts with one is
 * dropped whole; an entry without a valid field ends the datagram; trailing bytes and broken binary
 * fields end it too, after the fields before them are kept; oversize fields and more than 1,025 fields
 * drop the entry. Each departure from the happy path is reported as a {@link Malformation}.
 *
 * <p>Nothing is allocated per datagram once the scratch array has grown to the largest entry seen. An
 * instance is not thread-safe: a collector has one per receive thread.
 */
public final class JournalDecoder {

    /** {@code DATA_SIZE_MAX} in systemd's {@code journal-importer.h}: the largest field. */
    public static final long DATA_SIZE_MAX = 768L * 1024 * 1024;

    /** {@code ENTRY_SIZE_MAX}: the largest entry, counting names, values and separators. */
    public static final long ENTRY_SIZE_MAX = 770L * 1024 * 1024;

    /** {@code ENTRY_FIELD_COUNT_MAX}; journald's check lets one more field in (it tests {@code n > 1024}). */
    public static final int ENTRY_FIELD_COUNT_MAX = 1024;

    private static final int LENGTH_BYTES = 8;

    private int[] slots = new int[4 * 32];
    private final DecodedEntry entry = new DecodedEntry();
    private final EntryScan scan = new EntryScan();

    /**
     * Decodes the bytes between {@code datagram}'s position and limit, without moving either.
     *
     * @return the number of entries passed to {@code listener}
     */
    public int decode(ByteBuffer datagram, DecodeListener listener) {
        int at = datagram.position();
        int end = datagram.limit();
        int entries = 0;
        while (true) {
            EntryScan scan = scanEntry(datagram, at, end, listener);
            if (scan.fields == 0 || scan.abandoned) {
                return entries;
            }
            entry.wrap(datagram, slots, scan.fields);
            listener.onEntry(entry);
            entries++;
            if (scan.halted) {
                return entries;
            }
            at = scan.next;
        }
    }

    /** What one pass of the entry loop found; a single instance is reused, so decoding allocates nothing. */
    private static final class EntryScan {
        int fields;
        int next;
        boolean abandoned;
        boolean halted;
    }

    private EntryScan scanEntry(ByteBuffer buf, int start, int end, DecodeListener listener) {
        EntryScan result = scan;
        result.fields = 0;
        result.abandoned = false;
        result.halted = false;
        int p = start;
        int n = 0;
        long entrySize = 0;
        boolean sawLine = false;
        while (p < end) {
            int e = indexOf(buf, (byte) '\n', p, end);
            if (e < 0) {
                listener.onMalformed(Malformation.TRAILING_NOISE);
                result.halted = true;
                break;
            }
            if (e == p) {
                p++;
                if (n == 0) {
                    listener.onMalformed(sawLine ? Malformation.NO_VALID_FIELDS : Malformation.EMPTY_ENTRY);
                }
                break;
            }
            sawLine = true;
            byte first = buf.get(p);
            if (first == '.' || first == '#') {
                p = e + 1;
                continue;
            }
            if (n > ENTRY_FIELD_COUNT_MAX) {
                return abandon(result, listener, Malformation.TOO_MANY_FIELDS);
            }
            int q = indexOf(buf, (byte) '=', p, e);
            if (q >= 0) {
                long lineLength = e - p;
                if (FieldNames.isValid(buf, p, q - p)) {
                    if (lineLength > DATA_SIZE_MAX) {
                        return abandon(result, listener, Malformation.FIELD_TOO_LARGE);
                    }
                    if (entrySize + lineLength + n + 1 > ENTRY_SIZE_MAX) {
                        return abandon(result, listener, Malformation.ENTRY_TOO_LARGE);
                    }
                    add(n++, p, q - p, q + 1, e - q - 1);
                    entrySize += lineLength;
                } else {
                    listener.onMalformed(Malformation.INVALID_FIELD_NAME);
                }
                p = e + 1;
                continue;
            }
            long remaining = end - p;
            int nameLength = e - p;
            if (remaining < nameLength + 1L + LENGTH_BYTES + 1) {
                listener.onMalformed(Malformation.BAD_BINARY_FIELD);
                result.halted = true;
                break;
            }
            long length = readLittleEndianLong(buf, e + 1);
            if (Long.compareUnsigned(length, DATA_SIZE_MAX) > 0) {
                return abandon(result, listener, Malformation.FIELD_TOO_LARGE);
            }
            long total = nameLength + 1L + length;
            if (entrySize + total + n + 1 > ENTRY_SIZE_MAX) {
                return abandon(result, listener, Malformation.ENTRY_TOO_LARGE);
            }
            if (remaining < nameLength + 1L + LENGTH_BYTES + length + 1
                    || buf.get((int) (e + 1 + LENGTH_BYTES + length)) != '\n') {
                listener.onMalformed(Malformation.BAD_BINARY_FIELD);
                result.halted = true;
                break;
            }
            int valueOffset = e + 1 + LENGTH_BYTES;
            if (FieldNames.isValid(buf, p, nameLength)) {
                add(n++, p, nameLength, valueOffset, (int) length);
                entrySize += total;
            } else {
                listener.onMalformed(Malformation.INVALID_FIELD_NAME);
            }
            p = valueOffset + (int) length + 1;
        }
        if (n == 0 && sawLine && !result.halted && p == end) {
            listener.onMalformed(Malformation.NO_VALID_FIELDS);
        }
        result.fields = n;
        result.next = p;
        return result;
    }

    private static EntryScan abandon(EntryScan result, DecodeListener listener, Malformation why) {
        listener.onMalformed(why);
        result.abandoned = true;
        return result;
    }

    private void add(int field, int nameOffset, int nameLength, int valueOffset, int valueLength) {
        int base = 4 * field;
        if (base + 4 > slots.length) {
            int[] larger = new int[slots.length * 2];
            System.arraycopy(slots, 0, larger, 0, slots.length);
            slots = larger;
        }
        slots[base] = nameOffset;
        slots[base + 1] = nameLength;
        slots[base + 2] = valueOffset;
        slots[base + 3] = valueLength;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The first index of {@code b} in {@code [from, to)}, or -1: eight bytes at a time (a word XORed
     * with the byte repeated has a zero byte where it matched; the classic has-zero-byte test finds
     * the lowest such byte exactly), then byte by byte for the tail. Lines are scanned for '\n' and
     * '=' on every decode, by the collector's receive thread and each of its outputs.
     */
    private static int indexOf(ByteBuffer buf, byte b, int from, int to) {
        long pattern = (b & 0xFFL) * ONES;
        boolean bigEndian = buf.order() == ByteOrder.BIG_ENDIAN;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = buf.getLong(i);
            long v = (bigEndian ? Long.reverseBytes(word) : word) ^ pattern;
            long found = (v - ONES) & ~v & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf.get(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static long readLittleEndianLong(ByteBuffer buf, int at) {
        long value = 0;
        for (int i = LENGTH_BYTES - 1; i >= 0; i--) {
            value = (value << 8) | (buf.get(at + i) & 0xFF);
        }
        return value;
    }

    /** The field-name rule over raw bytes, as journald applies it to the datagram. */
    private static final class FieldNames {
        static boolean isValid(ByteBuffer buf, int offset, int length) {
            if (length == 0 || length > FieldName.MAX_LENGTH) {
                return false;
            }
            byte first = buf.get(offset);
            if (first == '_' || (first >= '0' && first <= '9')) {
                return false;
            }
            for (int i = offset; i < offset + length; i++) {
                byte c = buf.get(i);
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                    return false;
                }
            }
            return true;
        }
    }
}
