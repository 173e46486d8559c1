package io.journald4j.protocol;

import java.util.Locale;

/**
 * Journal field names: the rule journald applies, and the mapping of arbitrary user keys onto it.
 *
 * <p>journald silently drops any field whose name breaks the rule, so every user-supplied key (MDC,
 * key-value pairs, map messages) goes through {@link #normalize(String)} before it reaches the wire.
 */
public final class FieldName {

    /** The longest name journald accepts (64 bytes). */
    public static final int MAX_LENGTH = 64;

    private static final String LEADING_PREFIX = "X";

    private FieldName() {}

    /**
     * Whether journald's native protocol accepts {@code name} as a client field name.
     *
     * <p>Mirrors {@code journal_field_valid(p, l, allow_protected=false)} in systemd's
     * {@code src/libsystemd/sd-journal/journal-file.c}: 1 to 64 characters of {@code [A-Z0-9_]}, not
     * starting with a digit, and not starting with {@code _} (those names are journald's trusted fields).
     */
    public static boolean isValid(CharSequence name) {
        int length = name.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        char first = name.charAt(0);
        if (first == '_' || isDigit(first)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Maps any key onto a valid field name: ASCII letters upper-cased, every other character that is
     * not {@code [A-Z0-9_]} replaced by {@code _}, an {@code X} put before a leading digit or
     * {@code _}, and the result cut to 64 characters. A key that is already valid is returned as is.
     */
    public static String normalize(String key) {
        if (isValid(key)) {
            return key;
        }
        StringBuilder name = new StringBuilder(Math.min(key.length() + 1, MAX_LENGTH));
        if (key.isEmpty() || key.charAt(0) == '_' || isDigit(key.charAt(0))) {
            name.append(LEADING_PREFIX);
        }
        for (int i = 0; i < key.length() && name.length() < MAX_LENGTH; i++) {
            char c = key.charAt(i);
            if (c >= 'a' && c <= 'z') {
                name.append((char) (c - ('a' - 'A')));
            } else {
                name.append(isNameChar(c) ? c : '_');
            }
        }
        return name.toString();
    }

    /**
     * Checks a name that configuration supplies verbatim (static fields), naming the problem.
     *
     * @throws IllegalArgumentException when journald would drop the field
     */
    public static String requireValid(String name, String what) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s '%s' is not a valid journal field name: use 1 to 64 characters of A-Z, 0-9 and _,"
                            + " not starting with a digit or _",
                    what,
                    name));
        }
        return name;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }
}
