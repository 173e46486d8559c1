package io.journald4j.collector.kafka;

import io.journald4j.protocol.DecodedEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a kafka record's key is chosen, and so its partition: {@code host} (the default: one host's
 * entries stay in order within a partition), {@code field:NAME} (the value of an entry field, such
 * as {@code field:SYSLOG_IDENTIFIER}; no key when the entry lacks it) or {@code none} (no key: the
 * producer spreads batches over partitions).
 */
public final class RecordKey {

    private final String spec;
    private final byte[] constant;
    private final String fieldName;

    private RecordKey(String spec, byte[] constant, String fieldName) {
        this.spec = spec;
        this.constant = constant;
        this.fieldName = fieldName;
    }

    /**
     * Parses a key spec.
     *
     * @param hostname the value of {@code host}; null if unknown (then no key)
     */
    public static RecordKey parse(String spec, String hostname) {
        if ("host".equals(spec)) {
            return new RecordKey(spec, hostname == null ? null : hostname.getBytes(StandardCharsets.UTF_8), null);
        }
        if ("none".equals(spec)) {
            return new RecordKey(spec, null, null);
        }
        if (spec.startsWith("field:") && spec.length() > "field:".length()) {
            return new RecordKey(spec, null, spec.substring("field:".length()));
        }
        throw new IllegalArgumentException(
                "kafka key '" + spec + "' must be host, none or field:NAME (e.g. field:SYSLOG_IDENTIFIER)");
    }

    /** Checks a spec without a hostname. */
    public static String validate(String spec) {
        parse(spec, null);
        return spec;
    }

    /** The key for {@code entry}; for {@code host}, the same array every time (the producer does not modify it). */
    public byte[] keyFor(DecodedEntry entry) {
        if (fieldName == null) {
            return constant;
        }
        for (int i = 0; i < entry.fieldCount(); i++) {
            if (entry.nameEquals(i, fieldName)) {
                int offset = entry.valueOffset(i);
                byte[] value = new byte[entry.valueLength(i)];
                for (int k = 0; k < value.length; k++) {
                    value[k] = entry.buffer().get(offset + k);
                }
                return value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return spec;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordKey
                && ((RecordKey) other).spec.equals(spec)
                && Arrays.equals(((RecordKey) other).constant, constant);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }
}
