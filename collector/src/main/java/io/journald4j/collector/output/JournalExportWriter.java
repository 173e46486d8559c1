package io.journald4j.collector.output;

import io.journald4j.protocol.DecodedEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes an entry in the Journal Export Format ({@code journalctl -o export},
 * {@code application/vnd.fdo.journal}), which is lossless: what systemd-journal-remote imports.
 *
 * <p>{@code __REALTIME_TIMESTAMP} first (journal-remote refuses or mis-stamps entries without it),
 * then the entry's fields in order, then the trusted fields, then the empty line that ends the entry.
 * A field is written {@code NAME=value} when the value is printable UTF-8 without a newline (tab
 * allowed), otherwise in the binary form: exactly the rule of systemd's {@code output_export}.
 */
public final class JournalExportWriter implements EntryWriter {

    private final byte[] tail;
    private byte[] out = new byte[4096];
    private int size;

    public JournalExportWriter(HostFields host) {
        text("_TRANSPORT", "journal");
        trusted("_HOSTNAME", host.hostname());
        trusted("_BOOT_ID", host.bootId());
        trusted("_MACHINE_ID", host.machineId());
        put((byte) '\n');
        this.tail = Arrays.copyOf(out, size);
        size = 0;
    }

    @Override
    public void write(DecodedEntry entry, long receivedMicros) {
        size = 0;
        ascii("__REALTIME_TIMESTAMP=");
        decimal(receivedMicros);
        put((byte) '\n');
        ByteBuffer buf = entry.buffer();
        for (int i = 0; i < entry.fieldCount(); i++) {
            int valueOffset = entry.valueOffset(i);
            int valueLength = entry.valueLength(i);
            copy(buf, entry.nameOffset(i), entry.nameLength(i));
            if (Utf8Printable.check(buf, valueOffset, valueLength, false)) {
                put((byte) '=');
                copy(buf, valueOffset, valueLength);
            } else {
                put((byte) '\n');
                ensure(8);
                for (int k = 0; k < 8; k++) {
                    out[size++] = (byte) ((long) valueLength >>> (8 * k));
                }
                copy(buf, valueOffset, valueLength);
            }
            put((byte) '\n');
        }
        ensure(tail.length);
        System.arraycopy(tail, 0, out, size, tail.length);
        size += tail.length;
    }

    @Override
    public byte[] bytes() {
        return out;
    }

    @Override
    public int size() {
        return size;
    }

    private void trusted(String name, String value) {
        if (value != null) {
            text(name, value);
        }
    }

    private void text(String name, String value) {
        byte[] line = (name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
        ensure(line.length);
        System.arraycopy(line, 0, out, size, line.length);
        size += line.length;
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int k = 0; k < text.length(); k++) {
            out[size++] = (byte) text.charAt(k);
        }
    }

    private void decimal(long value) {
        ensure(20);
        int start = size;
        long v = value;
        do {
            out[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int a = start, b = size - 1; a < b; a++, b--) {
            byte t = out[a];
            out[a] = out[b];
            out[b] = t;
        }
    }

    private void copy(ByteBuffer buf, int offset, int length) {
        ensure(length);
        for (int k = 0; k < length; k++) {
            out[size++] = buf.get(offset + k);
        }
    }

    private void put(byte b) {
        ensure(1);
        out[size++] = b;
    }

    private void ensure(long extra) {
        long needed = size + extra;
        if (needed > out.length) {
            byte[] larger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * out.length))];
            System.arraycopy(out, 0, larger, 0, size);
            out = larger;
        }
    }
}
