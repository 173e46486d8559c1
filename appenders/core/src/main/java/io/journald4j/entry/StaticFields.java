package io.journald4j.entry;

import io.journald4j.protocol.FieldName;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.JournalField;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields configured once and written on every entry ({@code DEPLOYMENT=blue}, say).
 *
 * <p>Names are checked when configured, not per event: an invalid name, or one that would shadow a
 * field the adapter writes, is a configuration error with a message naming it.
 */
public final class StaticFields {

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /**
     * Adds a {@code NAME=value} pair.
     *
     * @throws IllegalArgumentException naming the problem, when the pair has no {@code =}, or the name
     *     is invalid or reserved
     */
    public void add(String pair) {
        int equals = pair == null ? -1 : pair.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("static field '" + pair + "' must have the form NAME=value");
        }
        String name = FieldName.requireValid(pair.substring(0, equals).trim(), "static field");
        if (JournalField.isContractField(name)) {
            throw new IllegalArgumentException(
                    "static field '" + name + "' would shadow a field journald4j writes itself; choose another name");
        }
        names.add(name);
        values.add(pair.substring(equals + 1));
    }

    public void writeTo(JournalEncoder encoder) {
        for (int i = 0; i < names.size(); i++) {
            encoder.field(names.get(i), values.get(i));
        }
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }
}
