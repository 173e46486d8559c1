package io.journald4j.protocol;

/**
 * What can be wrong with a native-protocol datagram, and what journald does about it.
 *
 * <p>Each constant names the outcome in systemd's {@code server_process_entry} ({@code journald-native.c},
 * v252): whether only a field, the current entry, or the rest of the datagram is lost.
 */
public enum Malformation {
    /** A field name journald does not accept: that field is skipped, the entry is kept. */
    INVALID_FIELD_NAME,
    /** An entry that starts with the separator (an empty line): it and the rest of the datagram are dropped. */
    EMPTY_ENTRY,
    /** An entry of only comments or invalid fields: nothing is stored, the rest of the datagram is dropped. */
    NO_VALID_FIELDS,
    /** Bytes after the last newline: ignored, the fields before them are kept. */
    TRAILING_NOISE,
    /** A binary field whose length runs past the datagram or whose value is not followed by a newline: parsing stops, earlier fields are kept. */
    BAD_BINARY_FIELD,
    /** A field over 768 MiB: the entry is dropped and parsing stops. */
    FIELD_TOO_LARGE,
    /** An entry over 770 MiB in all: the entry is dropped and parsing stops. */
    ENTRY_TOO_LARGE,
    /** A field line after 1,025 valid fields: the entry is dropped and parsing stops. */
    TOO_MANY_FIELDS
}
