package io.journald4j.transport;

import java.io.IOException;

/**
 * An entry does not fit the route it was sent by: too big for one datagram (the sender then passes
 * it as a file descriptor), or too big even for that (the entry is dropped and reported).
 */
public class EntryTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long entrySize;

    public EntryTooLargeException(String message, long entrySize, Throwable cause) {
        super(message, cause);
        this.entrySize = entrySize;
    }

    public long entrySize() {
        return entrySize;
    }
}
