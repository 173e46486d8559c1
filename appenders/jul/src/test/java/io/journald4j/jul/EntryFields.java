package io.journald4j.jul;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import io.journald4j.testing.ReceivedDatagram;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: the fields of the one entry in a datagram, name to UTF-8 text, decoded as journald would. */
final class EntryFields {

    private EntryFields() {}

    static Map<String, String> of(ReceivedDatagram datagram) {
        Map<String, String> fields = new LinkedHashMap<>();
        int entries = new JournalDecoder().decode(ByteBuffer.wrap(datagram.payload()), new DecodeListener() {
            @Override
            public void onEntry(DecodedEntry entry) {
                for (int i = 0; i < entry.fieldCount(); i++) {
                    fields.put(entry.name(i), new String(entry.value(i), UTF_8));
                }
            }
        });
        if (entries != 1) {
            throw new IllegalStateException("expected one entry, found " + entries + " in " + datagram);
        }
        return fields;
    }
}
