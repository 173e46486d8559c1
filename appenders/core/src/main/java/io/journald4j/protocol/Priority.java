package io.journald4j.protocol;

import java.util.Locale;

/**
 * The syslog priorities journald filters on ({@code PRIORITY=0} to {@code 7}).
 *
 * <p>journald interprets {@code PRIORITY} only when it is a single decimal digit (see
 * {@code server_process_entry_meta} in systemd's {@code journald-native.c}); anything else is stored
 * but treated as {@code info}. Adapters therefore always write one of these eight values.
 */
public enum Priority {
    EMERG,
    ALERT,
    CRIT,
    ERR,
    WARNING,
    NOTICE,
    INFO,
    DEBUG;

    /** The numeric value written to the journal (0 to 7). */
    public int value() {
        return ordinal();
    }

    /** The priority with numeric value {@code value}. */
    public static Priority of(int value) {
        if (value < 0 || value > 7) {
            throw new IllegalArgumentException("priority must be 0 to 7: " + value);
        }
        return values()[value];
    }

    /**
     * Parses a priority as configuration names it: a digit {@code 0}-{@code 7} or a syslog name
     * ({@code emerg}, ..., {@code err}/{@code error}, {@code warning}/{@code warn}, ..., {@code debug}).
     */
    public static Priority parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.length() == 1 && t.charAt(0) >= '0' && t.charAt(0) <= '7') {
            return of(t.charAt(0) - '0');
        }
        switch (t) {
            case "emerg":
            case "panic":
                return EMERG;
            case "alert":
                return ALERT;
            case "crit":
            case "critical":
                return CRIT;
            case "err":
            case "error":
                return ERR;
            case "warning":
            case "warn":
                return WARNING;
            case "notice":
                return NOTICE;
            case "info":
                return INFO;
            case "debug":
                return DEBUG;
            default:
                throw new IllegalArgumentException("unknown priority '" + text
                        + "': use 0-7 or emerg, alert, crit, err, warning, notice, info, debug");
        }
    }
}
