package io.journald4j.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A flyweight view of one decoded entry: field names and values as offsets into the datagram buffer.
 *
 * <p>Offsets are absolute indexes into {@link #buffer()}. Nothing is copied until a caller asks for a
 * {@code String} or {@code byte[]}, so a receiver can move fields onward without garbage.
 */
public final class DecodedEntry {

    private ByteBuffer buffer;
    private int[] slots;
    private int fieldCount;

    DecodedEntry() {}

    void wrap(ByteBuffer buffer, int[] slots, int fieldCount) {
        this.buffer = buffer;
        this.slots = slots;
        this.fieldCount = fieldCount;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public int nameOffset(int field) {
        return slot(field, 0);
    }

    public int nameLength(int field) {
        return slot(field, 1);
    }

    public int valueOffset(int field) {
        return slot(field, 2);
    }

    public int valueLength(int field) {
        return slot(field, 3);
    }

    /** The field's name (always ASCII). */
    public String name(int field) {
        return ascii(nameOffset(field), nameLength(field));
    }

    /** Whether the field's name is {@code name}, without allocating. */
    public boolean nameEquals(int field, String name) {
        int length = nameLength(field);
        if (length != name.length()) {
            return false;
        }
        int offset = nameOffset(field);
        for (int i = 0; i < length; i++) {
            if (buffer.get(offset + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the field's value bytes. */
    public byte[] value(int field) {
        byte[] value = new byte[valueLength(field)];
        int offset = valueOffset(field);
        for (int i = 0; i < value.length; i++) {
            value[i] = buffer.get(offset + i);
        }
        return value;
    }

    /** The field's value decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String valueAsString(int field) {
        return new String(value(field), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("DecodedEntry{");
        for (int i = 0; i < fieldCount; i++) {
            text.append(i == 0 ? "" : ", ").append(name(i)).append('=').append(valueAsString(i));
        }
        return text.append('}').toString();
    }

    private int slot(int field, int part) {
        if (field < 0 || field >= fieldCount) {
            throw new IndexOutOfBoundsException("field " + field + " of " + fieldCount);
        }
        return slots[4 * field + part];
    }

    private String ascii(int offset, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (buffer.get(offset + i) & 0xFF);
        }
        return new String(chars);
    }
}
