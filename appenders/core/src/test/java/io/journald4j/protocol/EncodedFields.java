package io.journald4j.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test helper: decodes what an encoder produced into (name, value) pairs, and records malformations. */
final class EncodedFields implements DecodeListener {

    final List<List<Field>> entries = new ArrayList<>();
    final List<Malformation> malformations = new ArrayList<>();

    static final class Field {
        final String name;
        final byte[] value;

        Field(String name, byte[] value) {
            this.name = name;
            this.value = value;
        }
    }

    static EncodedFields decode(ByteBuffer datagram) {
        EncodedFields fields = new EncodedFields();
        new JournalDecoder().decode(datagram, fields);
        return fields;
    }

    static EncodedFields decode(byte[] datagram) {
        return decode(ByteBuffer.wrap(datagram));
    }

    @Override
    public void onEntry(DecodedEntry entry) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < entry.fieldCount(); i++) {
            fields.add(new Field(entry.name(i), entry.value(i)));
        }
        entries.add(fields);
    }

    @Override
    public void onMalformed(Malformation malformation) {
        malformations.add(malformation);
    }

    List<String> names(int entry) {
        List<String> names = new ArrayList<>();
        for (Field field : entries.get(entry)) {
            names.add(field.name);
        }
        return names;
    }
}
