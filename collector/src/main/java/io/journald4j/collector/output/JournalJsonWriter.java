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

    private ByteLine line = new ByteLine();

    /** A hash of each field's name in the current entry: names that differ are told apart without comparing bytes. */
    private long[] nameHashes = new long[64];

    public JournalJsonWriter(HostFields host) {
        line.ascii(",\"_TRANSPORT\":\"journal\"");
        trusted("_HOSTNAME", host.hostname());
        trusted("_BOOT_ID", host.bootId());
        trusted("_MACHINE_ID", host.machineId());
        line.ascii("}\n");
        this.tail = line.copy();
        line = new ByteLine();
    }

    /** Formats one entry, received at {@code receivedMicros}, as a line ending in {@code \n}. */
    @Override
    public void write(DecodedEntry entry, long receivedMicros) {
        line.clear();
        line.ascii("{\"__REALTIME_TIMESTAMP\":\"");
        line.decimal(receivedMicros);
        line.ascii("\"");
        ByteBuffer buf = entry.buffer();
        if (!hashNames(entry)) {
            for (int i = 0; i < entry.fieldCount(); i++) {
                line.ascii(",\"");
                line.copy(buf, entry.nameOffset(i), entry.nameLength(i));
                line.ascii("\":");
                value(buf, entry.valueOffset(i), entry.valueLength(i));
            }
            line.put(tail);
            return;
        }
        for (int i = 0; i < entry.fieldCount(); i++) {
            if (seenBefore(entry, i)) {
                continue;
            }
            line.ascii(",\"");
            line.copy(buf, entry.nameOffset(i), entry.nameLength(i));
            line.ascii("\":");
            if (distinctValuesFrom(entry, i) == 1) {
                value(buf, entry.valueOffset(i), entry.valueLength(i));
            } else {
                line.ascii("[");
                boolean first = true;
                for (int j = i; j < entry.fieldCount(); j++) {
                    if (sameName(entry, i, j) && !repeatsEarlierValue(entry, i, j)) {
                        line.ascii(first ? "" : ",");
                        value(buf, entry.valueOffset(j), entry.valueLength(j));
                        first = false;
                    }
                }
                line.ascii("]");
            }
        }
        line.put(tail);
    }

    @Override
    public byte[] bytes() {
        return line.bytes();
    }

    @Override
    public int size() {
        return line.size();
    }

    private void trusted(String name, String value) {
        if (value == null) {
            return;
        }
        line.ascii(",\"");
        line.ascii(name);
        line.ascii("\":\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            escaped(b);
        }
        line.ascii("\"");
    }

    /**
     * Hashes every field name (FNV-1a); true if two hashes are equal, that is if some name may occur
     * twice. Most entries have distinct names, and then each field is written as it comes.
     */
    private boolean hashNames(DecodedEntry entry) {
        int count = entry.fieldCount();
        if (nameHashes.length < count) {
            nameHashes = new long[Math.max(count, 2 * nameHashes.length)];
        }
        ByteBuffer buf = entry.buffer();
        boolean collision = false;
        for (int i = 0; i < count; i++) {
            long hash = 0xcbf29ce484222325L;
            int offset = entry.nameOffset(i);
            for (int k = 0; k < entry.nameLength(i); k++) {
                hash = (hash ^ buf.get(offset + k)) * 0x100000001b3L;
            }
            for (int j = 0; j < i && !collision; j++) {
                collision = nameHashes[j] == hash;
            }
            nameHashes[i] = hash;
        }
        return collision;
    }

    private boolean sameName(DecodedEntry entry, int a, int b) {
        if (nameHashes[a] != nameHashes[b]) {
            return false;
        }
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

    private boolean seenBefore(DecodedEntry entry, int field) {
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
    private int distinctValuesFrom(DecodedEntry entry, int field) {
        int count = 0;
        for (int j = field; j < entry.fieldCount(); j++) {
            if (sameName(entry, field, j) && !repeatsEarlierValue(entry, field, j)) {
                count++;
            }
        }
        return count;
    }

    /** Whether field {@code j} has the same name and value as a field between {@code first} and {@code j}. */
    private boolean repeatsEarlierValue(DecodedEntry entry, int first, int j) {
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

    /**
     * Writes a value. The common case, printable ASCII, is copied in runs between the bytes that
     * need an escape; anything else (a non-ASCII byte, a control character) takes the full check.
     */
    private void value(ByteBuffer buf, int offset, int length) {
        int mark = line.size();
        line.put((byte) '"');
        int end = offset + length;
        int run = offset;
        for (int k = offset; k < end; k++) {
            byte b = buf.get(k);
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                continue;
            }
            if (b != '"' && b != '\\' && b != '\n' && b != '\t') {
                line.truncate(mark);
                checkedValue(buf, offset, length);
                return;
            }
            line.copy(buf, run, k - run);
            escaped(b);
            run = k + 1;
        }
        line.copy(buf, run, end - run);
        line.put((byte) '"');
    }

    private void checkedValue(ByteBuffer buf, int offset, int length) {
        if (Utf8Printable.check(buf, offset, length)) {
            line.put((byte) '"');
            for (int k = 0; k < length; k++) {
                escaped(buf.get(offset + k));
            }
            line.put((byte) '"');
        } else {
            line.put((byte) '[');
            for (int k = 0; k < length; k++) {
                if (k > 0) {
                    line.put((byte) ',');
                }
                line.decimal(buf.get(offset + k) & 0xFF);
            }
            line.put((byte) ']');
        }
    }

    /** JSON string escaping of one byte of printable UTF-8 (multi-byte sequences pass through). */
    private void escaped(byte b) {
        line.ensure(6);
        switch (b) {
            case '"':
                line.unchecked((byte) '\\');
                line.unchecked((byte) '"');
                break;
            case '\\':
                line.unchecked((byte) '\\');
                line.unchecked((byte) '\\');
                break;
            case '\n':
                line.unchecked((byte) '\\');
                line.unchecked((byte) 'n');
                break;
            case '\t':
                line.unchecked((byte) '\\');
                line.unchecked((byte) 't');
                break;
            default:
                if (b >= 0 && b < 0x20) {
                    line.unchecked((byte) '\\');
                    line.unchecked((byte) 'u');
                    line.unchecked((byte) '0');
                    line.unchecked((byte) '0');
                    line.unchecked(HEX[b >> 4]);
                    line.unchecked(HEX[b & 0xF]);
                } else {
                    line.unchecked(b);
                }
        }
    }
}
