package io.journald4j.collector.ingest;

/**
 * Why a received message was not passed on, before or beyond its content (malformed content is a
 * {@link io.journald4j.protocol.Malformation}). The checks and their order follow journald's
 * {@code server_process_datagram} and {@code server_process_native_file}.
 */
public enum Rejection {
    /** A datagram with neither payload nor descriptor. */
    EMPTY_DATAGRAM,
    /** A payload and descriptors together: journald ignores both ("too many file descriptors"). */
    PAYLOAD_WITH_DESCRIPTORS,
    /** More than one descriptor in one datagram. */
    TOO_MANY_DESCRIPTORS,
    /** A descriptor of something other than a regular file (a pipe, a directory, a socket). */
    DESCRIPTOR_NOT_REGULAR,
    /** A file outside {@code /dev/shm}, {@code /tmp}, {@code /var/tmp} (or in a subdirectory) and not a memfd. */
    DESCRIPTOR_OUTSIDE_ALLOWED_DIRECTORIES,
    /** A file larger than the configured cap. */
    DESCRIPTOR_TOO_LARGE,
    /** A file of zero bytes. */
    DESCRIPTOR_EMPTY,
    /** A descriptor that could not be inspected or read. */
    DESCRIPTOR_UNREADABLE,
    /** Content that decodes to no entry at all. */
    NO_ENTRIES
}
