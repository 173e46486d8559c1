package io.journald4j.protocol;

import java.nio.ByteBuffer;

/**
 * Serialises one journal entry into a reusable byte buffer, in journald's native protocol.
 *
 * <p>A field is written {@code NAME=value\n} (the text form), or {@code NAME\n}, the value's length as
 * a 64-bit little-endian integer, the value and {@code \n} (the binary form) when the value contains a
 * newline, which the text form cannot carry. This is what libsystemd's {@code sd_journal_sendv} does
 * (systemd {@code docs/JOURNAL_NATIVE_PROTOCOL.md}). Text is encoded as UTF-8 by hand, never through
 * the platform charset, so it arrives exact under any locale; an unpaired surrogate becomes {@code ?},
 * as in the JDK's own UTF-8 encoder.
 *
 * <p>The buffer is owned by the encoder and reused from entry to entry, so steady-state encoding
 * allocates nothing. An instance is not thread-safe: use one per thread, or one per pooled slot.
 * Field names are not checked here (that would cost every event): callers pass constants, names from
 * {@link UserFieldNames}, or configuration checked with {@link FieldName#requireValid}.
 */
public final class JournalEncoder {

    public static final int DEFAULT_INITIAL_CAPACITY = 8 * 1024;

    /** journald's unsealed-descriptor limit is 385 MiB; newer versions cap unprivileged senders lower. */
    public static final int DEFAULT_MAX_ENTRY_SIZE = 64 * 1024 * 1024;

    /**
     * The most fields an entry carries. journald drops an entry with more than 1,025 fields whole
     * ({@code ENTRY_FIELD_COUNT_MAX} in {@code journald-native.c}); fields past this bound are counted
     * in {@link #droppedFields()} instead of written.
     */
    public static final int MAX_FIELDS = 1024;

    /** Buffers grown past this by one huge entry are let go on the next {@link #reset()}. */
    private static final int RETAINED_CAPACITY = 1024 * 1024;

    private static final int BINARY_LENGTH_BYTES = 8;

    private final int initialCapacity;
    private final int maxEntrySize;
    private byte[] bytes;
    private ByteBuffer view;
    private int size;
    private int fieldCount;
    private int droppedFields;
    private boolean tooLarge;

    public JournalEncoder() {
        this(DEFAULT_INITIAL_CAPACITY, DEFAULT_MAX_ENTRY_SIZE);
    }

    public JournalEncoder(int initialCapacity, int maxEntrySize) {
        if (initialCapacity < 16) {
            throw new IllegalArgumentException("initialCapacity must be at least 16: " + initialCapacity);
        }
        if (maxEntrySize < initialCapacity) {
            throw new IllegalArgumentException(
                    "maxEntrySize must be at least initialCapacity (" + initialCapacity + "): " + maxEntrySize);
        }
        this.initialCapacity = initialCapacity;
        this.maxEntrySize = maxEntrySize;
        this.bytes = new byte[initialCapacity];
        this.view = ByteBuffer.wrap(bytes);
    }

    /** Starts a new entry, discarding the current one. */
    public JournalEncoder reset() {
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[initialCapacity];
            view = ByteBuffer.wrap(bytes);
        }
        size = 0;
        fieldCount = 0;
        droppedFields = 0;
        tooLarge = false;
        return this;
    }

    /**
     * Appends a text field; {@code value} is written as UTF-8, in the binary form if it holds
     * {@code \n}. A null value is written as empty, so that every adapter maps {@code log(null)} alike.
     */
    public JournalEncoder field(String name, CharSequence value) {
        if (value == null) {
            value = "";
        }
        int length = value.length();
        int utf8Length = 0;
        boolean newline = false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                utf8Length++;
                newline |= c == '\n';
            } else if (c < 0x800) {
                utf8Length += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                utf8Length += 4;
                i++;
            } else {
                utf8Length += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        if (!startField(name, utf8Length, newline)) {
            return this;
        }
        writeUtf8(value, length);
        bytes[size++] = '\n';
        return this;
    }

    /** Appends a field holding the decimal form of {@code value}. */
    public JournalEncoder field(String name, long value) {
        int digits = decimalLength(value);
        if (!startField(name, digits, false)) {
            return this;
        }
        writeDecimal(value, digits);
        bytes[size++] = '\n';
        return this;
    }

    /** Appends a field holding {@code value} verbatim, in the binary form if it holds {@code \n}. */
    public JournalEncoder field(String name, byte[] value, int offset, int length) {
        boolean newline = false;
        for (int i = offset; i < offset + length && !newline; i++) {
            newline = value[i] == '\n';
        }
        if (!startField(name, length, newline)) {
            return this;
        }
        System.arraycopy(value, offset, bytes, size, length);
        size += length;
        bytes[size++] = '\n';
        return this;
    }

    /**
     * Appends a field whose name and value are slices of {@code source}, as a decoder found them:
     * how a forwarder re-encodes what it received without building strings. The name must be valid
     * (the decoder only reports valid ones).
     */
    public JournalEncoder rawField(
            ByteBuffer source, int nameOffset, int nameLength, int valueOffset, int valueLength) {
        boolean newline = false;
        for (int i = valueOffset; i < valueOffset + valueLength && !newline; i++) {
            newline = source.get(i) == '\n';
        }
        if (!reserve(nameLength, valueLength, newline)) {
            return this;
        }
        for (int i = 0; i < nameLength; i++) {
            bytes[size++] = source.get(nameOffset + i);
        }
        writeSeparator(newline, valueLength);
        for (int i = 0; i < valueLength; i++) {
            bytes[size++] = source.get(valueOffset + i);
        }
        bytes[size++] = '\n';
        return this;
    }

    /** Appends {@code PRIORITY} with the numeric value of {@code priority}. */
    public JournalEncoder priority(Priority priority) {
        return field(JournalField.PRIORITY, priority.value());
    }

    /** Whether a field did not fit under the maximum entry size: the entry must not be sent. */
    public boolean isTooLarge() {
        return tooLarge;
    }

    /** Fields left out because the entry already held {@link #MAX_FIELDS}. */
    public int droppedFields() {
        return droppedFields;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The bytes written so far for the current entry. */
    public int size() {
        return size;
    }

    public int maxEntrySize() {
        return maxEntrySize;
    }

    /**
     * The current entry, from position 0 to its size. The buffer is the encoder's own: it is valid
     * until the next call to this encoder, and its position may be consumed by the sender.
     */
    public ByteBuffer entry() {
        view.clear();
        view.limit(size);
        return view;
    }

    /** Writes the name and the form's separator, making room for the whole field; false when it cannot be written. */
    private boolean startField(String name, int valueLength, boolean binary) {
        int nameLength = name.length();
        if (!reserve(nameLength, valueLength, binary)) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            bytes[size++] = (byte) name.charAt(i);
        }
        writeSeparator(binary, valueLength);
        return true;
    }

    /** Counts the field and makes room for all of it, or says why it cannot be written (too large, too many). */
    private boolean reserve(int nameLength, int valueLength, boolean binary) {
        if (tooLarge) {
            return false;
        }
        if (fieldCount == MAX_FIELDS) {
            droppedFields++;
            return false;
        }
        long needed = (long) nameLength + 1 + (binary ? BINARY_LENGTH_BYTES : 0) + valueLength + 1;
        if (!ensureCapacity(needed)) {
            tooLarge = true;
            return false;
        }
        fieldCount++;
        return true;
    }

    /** {@code =} for the text form; newline and the 64-bit little-endian length for the binary form. */
    private void writeSeparator(boolean binary, long valueLength) {
        if (binary) {
            bytes[size++] = '\n';
            for (int i = 0; i < BINARY_LENGTH_BYTES; i++) {
                bytes[size++] = (byte) (valueLength >>> (8 * i));
            }
        } else {
            bytes[size++] = '=';
        }
    }

    private boolean ensureCapacity(long extra) {
        long needed = size + extra;
        if (needed > maxEntrySize) {
            return false;
        }
        if (needed > bytes.length) {
            int grown = (int) Math.min(maxEntrySize, Math.max(needed, 2L * bytes.length));
            byte[] larger = new byte[grown];
            System.arraycopy(bytes, 0, larger, 0, size);
            bytes = larger;
            view = ByteBuffer.wrap(bytes);
        }
        return true;
    }

    private void writeUtf8(CharSequence value, int length) {
        byte[] b = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
    }

    private static int decimalLength(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int length = value < 0 ? 2 : 1;
        for (long v = Math.abs(value); v >= 10; v /= 10) {
            length++;
        }
        return length;
    }

    private void writeDecimal(long value, int digits) {
        int end = size + digits;
        int at = end;
        long v = value;
        do {
            bytes[--at] = (byte) ('0' + Math.abs(v % 10));
            v /= 10;
        } while (v != 0);
        if (value < 0) {
            bytes[--at] = '-';
        }
        size = end;
    }
}
