package io.journald4j.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses the optional {@code SYSLOG_FACILITY}: a number 0-23 or a syslog facility name.
 *
 * <p>journald forwards the value to syslog and {@code journalctl --facility} filters on it, so it is
 * always written as the number.
 */
public final class SyslogFacility {

    private static final List<String> NAMES = Arrays.asList(
            "kern",
            "user",
            "mail",
            "daemon",
            "auth",
            "syslog",
            "lpr",
            "news",
            "uucp",
            "cron",
            "authpriv",
            "ftp",
            "ntp",
            "security",
            "console",
            "solaris-cron",
            "local0",
            "local1",
            "local2",
            "local3",
            "local4",
            "local5",
            "local6",
            "local7");

    private SyslogFacility() {}

    /** The facility number of {@code text}. */
    public static int parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int index = NAMES.indexOf(t);
        if (index >= 0) {
            return index;
        }
        try {
            int number = Integer.parseInt(t);
            if (number >= 0 && number < NAMES.size()) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "unknown syslog facility '" + text + "': use 0-23 or a name such as user, daemon, local0", e);
        }
        throw new IllegalArgumentException("syslog facility must be 0-23: " + text);
    }
}
