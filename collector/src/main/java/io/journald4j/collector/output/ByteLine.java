package io.journald4j.collector.output;

import java.nio.ByteBuffer;

/**
 * A growable byte buffer that formats one entry at a time: the shared mechanics of the JSON and
 * export writers (ASCII, decimal numbers, byte slices), without allocating once it has grown.
 */
final class ByteLine {

    private byte[] bytes = new byte[4096];
    private int size;

    void clear() {
        size = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    void put(byte[] source) {
        put(source, source.length);
    }

    /** Appends the first {@code length} bytes of {@code source}. */
    void put(byte[] source, int length) {
        ensure(length);
        System.arraycopy(source, 0, bytes, size, length);
        size += length;
    }

    /** Appends text known to be ASCII (field names of our own, punctuation). */
    void ascii(String text) {
        ensure(text.length());
        for (int k = 0; k < text.length(); k++) {
            bytes[size++] = (byte) text.charAt(k);
        }
    }

    /** Appends a slice of {@code source}, by absolute index (its position and limit are left alone). */
    void copy(ByteBuffer source, int offset, int length) {
        ensure(length);
        source.get(offset, bytes, size, length);
        size += length;
    }

    /** Drops what was written after {@code mark} (a value that must be written another way). */
    void truncate(int mark) {
        size = mark;
    }

    /** Appends a non-negative number in decimal. */
    void decimal(long value) {
        ensure(20);
        int start = size;
        long v = value;
        do {
            bytes[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int a = start, b = size - 1; a < b; a++, b--) {
            byte t = bytes[a];
            bytes[a] = bytes[b];
            bytes[b] = t;
        }
    }

    /** Appends {@code length} as a 64-bit little-endian integer (the binary field form's length). */
    void littleEndianLong(long length) {
        ensure(8);
        for (int k = 0; k < 8; k++) {
            bytes[size++] = (byte) (length >>> (8 * k));
        }
    }

    /** A copy of what is written so far. */
    byte[] copy() {
        return java.util.Arrays.copyOf(bytes, size);
    }

    void ensure(long extra) {
        long needed = size + extra;
        if (needed > bytes.length) {
            byte[] larger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length))];
            System.arraycopy(bytes, 0, larger, 0, size);
            bytes = larger;
        }
    }

    /** Direct access for the tight escaping loop of the JSON writer: the caller has ensured room. */
    void unchecked(byte b) {
        bytes[size++] = b;
    }
}
