package io.journald4j.transport;

import java.util.Locale;

/** What a sender does when the journal cannot take an entry at once. */
public enum SendPolicy {
    /**
     * Wait, like libsystemd: while journald's queue is full, and, up to the block timeout, while the
     * socket is absent or journald restarts. An outage that outlasts the timeout turns into drops
     * (counted) until the journal is back, so a dead journal costs one timeout, not one per event.
     */
    BLOCK,
    /** Never stall the caller: an entry the journal cannot take at once is dropped and counted. */
    DROP;

    /** Parses {@code block} or {@code drop}, in any case. */
    public static SendPolicy parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "block":
                return BLOCK;
            case "drop":
                return DROP;
            default:
                throw new IllegalArgumentException("unknown policy '" + text + "': use block or drop");
        }
    }
}
