package io.journald4j.collector.spool;

import java.util.Locale;

/**
 * What a spool does with a new entry when it has reached its byte cap while its output is down.
 *
 * <p>{@code BLOCK} makes the output wait for room, so the ring fills and the ring's own policy takes
 * over (back-pressure to the senders, as journald does); {@code DROP_NEWEST} refuses the new entry;
 * {@code DROP_OLDEST} deletes the oldest segment of undelivered entries to make room, keeping the
 * most recent logs. Every entry dropped either way is counted.
 */
public enum SpoolFullPolicy {
    BLOCK,
    DROP_NEWEST,
    DROP_OLDEST;

    public static SpoolFullPolicy parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "block":
                return BLOCK;
            case "drop_newest":
                return DROP_NEWEST;
            case "drop_oldest":
                return DROP_OLDEST;
            default:
                throw new IllegalArgumentException(
                        "unknown spool when_full policy '" + text + "': use block, drop_newest or drop_oldest");
        }
    }

    /** The name as the config file and the flags spell it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
