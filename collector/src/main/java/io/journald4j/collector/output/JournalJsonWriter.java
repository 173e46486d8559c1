package io.journald4j.collector.output;

import io.journald4j.protocol.DecodedEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an entry as one line in exactly the shape of {@code journalctl -o json --all}.
 *
 * <p>Every value is a JSON string, unless it is not printable UTF-8 in systemd's sense
 * ({@code utf8_is_printable}: valid, no surrogates, no noncharacters, no control characters besides
 * tab and newline, no C1 controls or DEL), in which case it is an array of byte values; a field that
 * occurs more than once with different values becomes an array of its distinct values (journald
 * keeps each distinct pair once). The collector's own fields come first
 * ({@code __REALTIME_TIMESTAMP}), the trusted ones last. Nothing is allocated per entry once the
 * line buffer has grown.
 */
public final class JournalJsonWriter implements EntryWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The trusted fields and the closing brace, the same for every entry: formatted once. */
    private final byte[] tail;
    private byte[] line = new byte[4096];
    private int size;

    public JournalJsonWriter(HostFields host) {
        ascii(",\"_TRANSPORT\":\"journal\"");
        trusted("_HOSTNAME", host.hostname());
        trusted("_BOOT_ID", host.bootId());
        trusted("_MACHINE_ID", host.machineId());
        ascii("}\n");
        this.tail = java.util.Arrays.copyOf(line, size);
        size = 0;
    }

    /** Formats one entry, received at {@code receivedMicros}, as a line ending in {@code \n}. */
    @Override
    public void write(DecodedEntry entry, long receivedMicros) {
        size = 0;
        ascii("{\"__REALTIME_TIMESTAMP\":\"");
        decimal(receivedMicros);
        ascii("\"");
        ByteBuffer buf = entry.buffer();
        for (int i = 0; i < entry.fieldCount(); i++) {
            if (seenBefore(entry, i)) {
                continue;
            }
            ascii(",\"");
            copy(buf, entry.nameOffset(i), entry.nameLength(i));
            ascii("\":");
            if (distinctValuesFrom(entry, i) == 1) {
                value(buf, entry.valueOffset(i), entry.valueLength(i));
            } else {
                ascii("[");
                boolean first = true;
                for (int j = i; j < entry.fieldCount(); j++) {
                    if (sameName(entry, i, j) && !repeatsEarlierValue(entry, i, j)) {
                        ascii(first ? "" : ",");
                        value(buf, entry.valueOffset(j), entry.valueLength(j));
                        first = false;
                    }
                }
                ascii("]");
            }
        }
        ensure(tail.length);
        System.arraycopy(tail, 0, line, size, tail.length);
        size += tail.length;
    }

    @Override
    public byte[] bytes() {
        return line;
    }

    @Override
    public int size() {
        return size;
    }

    private void trusted(String name, String value) {
        if (value == null) {
            return;
        }
        ascii(",\"");
        ascii(name);
        ascii("\":\"");
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            escaped(b);
        }
        ascii("\"");
    }

    private static boolean sameName(DecodedEntry entry, int a, int b) {
        int length = entry.nameLength(a);
        if (length != entry.nameLength(b)) {
            return false;
        }
        ByteBuffer buf = entry.buffer();
        int offsetA = entry.nameOffset(a);
        int offsetB = entry.nameOffset(b);
        for (int k = 0; k < length; k++) {
            if (buf.get(offsetA + k) != buf.get(offsetB + k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean seenBefore(DecodedEntry entry, int field) {
        for (int j = 0; j < field; j++) {
            if (sameName(entry, j, field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many distinct values the name of {@code field} (its first occurrence) has: journald stores
     * each distinct {@code NAME=value} pair of an entry once, so a repeated identical pair shows once.
     */
    private static int distinctValuesFrom(DecodedEntry entry, int field) {
        int count = 0;
        for (int j = field; j < entry.fieldCount(); j++) {
            if (sameName(entry, field, j) && !repeatsEarlierValue(entry, field, j)) {
                count++;
            }
        }
        return count;
    }

    /** Whether field {@code j} has the same name and value as a field between {@code first} and {@code j}. */
    private static boolean repeatsEarlierValue(DecodedEntry entry, int first, int j) {
        for (int k = first; k < j; k++) {
            if (sameName(entry, k, j) && sameValue(entry, k, j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(DecodedEntry entry, int a, int b) {
        int length = entry.valueLength(a);
        if (length != entry.valueLength(b)) {
            return false;
        }
        ByteBuffer buf = entry.buffer();
        int offsetA = entry.valueOffset(a);
        int offsetB = entry.valueOffset(b);
        for (int k = 0; k < length; k++) {
            if (buf.get(offsetA + k) != buf.get(offsetB + k)) {
                return false;
            }
        }
        return true;
    }

    private void value(ByteBuffer buf, int offset, int length) {
        if (Utf8Printable.check(buf, offset, length)) {
            ensure(2L + 6L * length);
            line[size++] = '"';
            for (int k = 0; k < length; k++) {
                escaped(buf.get(offset + k));
            }
            line[size++] = '"';
        } else {
            ensure(2L + 4L * length);
            line[size++] = '[';
            for (int k = 0; k < length; k++) {
                if (k > 0) {
                    line[size++] = ',';
                }
                decimal(buf.get(offset + k) & 0xFF);
            }
            line[size++] = ']';
        }
    }

    /** JSON string escaping of one byte of printable UTF-8 (multi-byte sequences pass through). */
    private void escaped(byte b) {
        ensure(6);
        switch (b) {
            case '"':
                line[size++] = '\\';
                line[size++] = '"';
                break;
            case '\\':
                line[size++] = '\\';
                line[size++] = '\\';
                break;
            case '\n':
                line[size++] = '\\';
                line[size++] = 'n';
                break;
            case '\t':
                line[size++] = '\\';
                line[size++] = 't';
                break;
            default:
                if (b >= 0 && b < 0x20) {
                    line[size++] = '\\';
                    line[size++] = 'u';
                    line[size++] = '0';
                    line[size++] = '0';
                    line[size++] = HEX[b >> 4];
                    line[size++] = HEX[b & 0xF];
                } else {
                    line[size++] = b;
                }
        }
    }

    private void copy(ByteBuffer buf, int offset, int length) {
        ensure(length);
        for (int k = 0; k < length; k++) {
            line[size++] = buf.get(offset + k);
        }
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int k = 0; k < text.length(); k++) {
            line[size++] = (byte) text.charAt(k);
        }
    }

    private void decimal(long value) {
        ensure(20);
        if (value == 0) {
            line[size++] = '0';
            return;
        }
        int start = size;
        for (long v = value; v > 0; v /= 10) {
            line[size++] = (byte) ('0' + v % 10);
        }
        for (int a = start, b = size - 1; a < b; a++, b--) {
            byte t = line[a];
            line[a] = line[b];
            line[b] = t;
        }
    }

    private void ensure(long extra) {
        long needed = size + extra;
        if (needed > line.length) {
            byte[] larger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * line.length))];
            System.arraycopy(line, 0, larger, 0, size);
            line = larger;
        }
    }
}
