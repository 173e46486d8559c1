package io.journald4j.collector.output;

import io.journald4j.protocol.DecodedEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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

    /** The trusted fields and the entry's closing empty line, the same for every entry: formatted once. */
    private final byte[] tail;

    private final ByteLine out = new ByteLine();

    public JournalExportWriter(HostFields host) {
        ByteLine tailLine = new ByteLine();
        trusted(tailLine, "_TRANSPORT", "journal");
        trusted(tailLine, "_HOSTNAME", host.hostname());
        trusted(tailLine, "_BOOT_ID", host.bootId());
        trusted(tailLine, "_MACHINE_ID", host.machineId());
        tailLine.put((byte) '\n');
        this.tail = tailLine.copy();
    }

    @Override
    public void write(DecodedEntry entry, long receivedMicros) {
        out.clear();
        out.ascii("__REALTIME_TIMESTAMP=");
        out.decimal(receivedMicros);
        out.put((byte) '\n');
        ByteBuffer buf = entry.buffer();
        for (int i = 0; i < entry.fieldCount(); i++) {
            int valueOffset = entry.valueOffset(i);
            int valueLength = entry.valueLength(i);
            out.copy(buf, entry.nameOffset(i), entry.nameLength(i));
            if (Utf8Printable.check(buf, valueOffset, valueLength, false)) {
                out.put((byte) '=');
            } else {
                out.put((byte) '\n');
                out.littleEndianLong(valueLength);
            }
            out.copy(buf, valueOffset, valueLength);
            out.put((byte) '\n');
        }
        out.put(tail);
    }

    @Override
    public byte[] bytes() {
        return out.bytes();
    }

    @Override
    public int size() {
        return out.size();
    }

    private static void trusted(ByteLine line, String name, String value) {
        if (value != null) {
            line.put((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
