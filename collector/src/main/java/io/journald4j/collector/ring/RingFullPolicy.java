package io.journald4j.collector.ring;

import java.util.Locale;

/**
 * What the receive thread does when every ring slot is still in use by a slow output.
 *
 * <p>{@code BLOCK} stops reading the socket until a slot frees up: the kernel queue then fills and
 * blocking senders wait, as with journald itself. {@code DROP} keeps reading and discards, counting
 * every discarded message, so senders never stall because of the collector.
 */
public enum RingFullPolicy {
    BLOCK,
    DROP;

    public static RingFullPolicy parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "block":
                return BLOCK;
            case "drop":
                return DROP;
            default:
                throw new IllegalArgumentException("unknown ring-full policy '" + text + "': use block or drop");
        }
    }
}
