package io.journald4j.log4j.support;

import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The fields of one datagram as the journal would read them, for assertions without journald. */
public final class DecodedFields {

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();

    private DecodedFields() {}

    public static DecodedFields of(byte[] datagram) {
        DecodedFields fields = new DecodedFields();
        new JournalDecoder().decode(ByteBuffer.wrap(datagram), new DecodeListener() {
            @Override
            public void onEntry(DecodedEntry entry) {
                for (int i = 0; i < entry.fieldCount(); i++) {
                    fields.names.add(entry.name(i));
                    fields.values.add(entry.value(i));
                }
            }
        });
        return fields;
    }

    /** The only value of {@code name}, as UTF-8 text, or null when absent. */
    public String text(String name) {
        List<String> all = texts(name);
        if (all.size() > 1) {
            throw new AssertionError(name + " occurs " + all.size() + " times: " + all);
        }
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every value of {@code name}, in datagram order. */
    public List<String> texts(String name) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                all.add(new String(values.get(i), StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    public List<String> names() {
        return names;
    }
}
