package io.journald4j.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One journal entry as {@code journalctl -o json} shows it.
 *
 * <p>journalctl encodes each value in one of three ways, and tests must not care which: a JSON
 * string (printable UTF-8, including {@code \n} and TAB), an array of byte numbers 0..255 (invalid
 * UTF-8, NUL or other control characters), or {@code null} (a value of 4 KiB or more when {@code
 * --all} was not given; {@link PrivateJournald} always passes {@code --all}). A field that occurs
 * more than once in the entry becomes an array of such values. This class hides those encodings:
 * {@link #bytes(String)} always yields the exact stored bytes.
 *
 * <p>Instances are immutable.
 */
public final class JournalRecord {

    /** journalctl can emit values of hundreds of MiB; Jackson's default string limit is 20 M chars. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build());

    private final ObjectNode json;

    JournalRecord(ObjectNode json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * Parses one line of {@code journalctl -o json} output. Public so that tests can build records
     * from literal JSON.
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static JournalRecord parse(String jsonLine) {
        JsonNode node;
        try {
            node = MAPPER.readTree(jsonLine);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a journalctl JSON entry: " + jsonLine, e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a journalctl JSON entry: " + jsonLine);
        }
        return new JournalRecord((ObjectNode) node);
    }

    /** Whether the entry has this field at all (even if journalctl showed its value as null). */
    public boolean has(String field) {
        return json.has(field);
    }

    /** All field names of the entry, including journald's trusted {@code _FIELDS} and {@code __CURSOR}. */
    public Set<String> fieldNames() {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = json.fieldNames();
        while (it.hasNext()) {
            names.add(it.next());
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * The field's single value as text, or {@code null} if the entry lacks the field. A value that
     * journalctl printed as a byte array is decoded as UTF-8, with malformed sequences replaced by
     * U+FFFD; use {@link #bytes(String)} to assert exact bytes.
     *
     * @throws IllegalStateException if the field occurs more than once (use {@link #texts(String)}),
     *     or if journalctl omitted the value (null)
     */
    public String text(String field) {
        byte[] value = bytes(field);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * The exact bytes of the field's single value, whichever form journalctl used, or {@code null}
     * if the entry lacks the field.
     *
     * @throws IllegalStateException if the field occurs more than once (use {@link
     *     #allBytes(String)}), or if journalctl omitted the value (null)
     */
    public byte[] bytes(String field) {
        JsonNode node = json.get(field);
        if (node == null) {
            return null;
        }
        if (isRepeated(node)) {
            throw new IllegalStateException(
                    "field " + field + " occurs " + node.size() + " times in " + json + "; use texts()/allBytes()");
        }
        return decode(field, node);
    }

    /**
     * The exact bytes of every value of the field, in journal order; one element for a field that
     * occurs once, an empty list if the entry lacks it.
     *
     * @throws IllegalStateException if journalctl omitted a value (null)
     */
    public List<byte[]> allBytes(String field) {
        JsonNode node = json.get(field);
        List<byte[]> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (isRepeated(node)) {
            for (JsonNode element : node) {
                values.add(decode(field, element));
            }
        } else {
            values.add(decode(field, node));
        }
        return values;
    }

    /**
     * Every value of the field as text (UTF-8, as in {@link #text(String)}), in journal order; an
     * empty list if the entry lacks it.
     */
    public List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        for (byte[] value : allBytes(field)) {
            texts.add(new String(value, StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** The entry as journalctl's JSON, so that assertion failures show everything journald stored. */
    @Override
    public String toString() {
        return json.toString();
    }

    /** A repeated field is an array whose elements are values (strings, byte arrays or null). */
    private static boolean isRepeated(JsonNode node) {
        return node.isArray() && !isByteArray(node);
    }

    private static boolean isByteArray(JsonNode node) {
        if (!node.isArray() || node.size() == 0) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    private byte[] decode(String field, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().getBytes(StandardCharsets.UTF_8);
        }
        if (isByteArray(value)) {
            byte[] bytes = new byte[value.size()];
            for (int i = 0; i < bytes.length; i++) {
                int b = value.get(i).intValue();
                if (b < 0 || b > 255) {
                    throw new IllegalStateException("field " + field + " has a non-byte element " + b + ": " + json);
                }
                bytes[i] = (byte) b;
            }
            return bytes;
        }
        if (value.isNull()) {
            throw new IllegalStateException("journalctl omitted the value of " + field
                    + " (null: value of 4 KiB or more without --all): " + json);
        }
        throw new IllegalStateException("unexpected JSON for field " + field + ": " + value);
    }
}
