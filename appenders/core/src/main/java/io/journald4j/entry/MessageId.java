package io.journald4j.entry;

import java.util.Locale;

/**
 * The journal's {@code MESSAGE_ID}: a 128-bit id as 32 lower-case hex digits ({@code systemd.journal-fields(7)}).
 *
 * <p>Users often hold ids as UUID strings or in upper case; those are accepted and rewritten, so that
 * {@code journalctl MESSAGE_ID=...} and catalog lookups find them.
 */
public final class MessageId {

    private MessageId() {}

    /** The canonical form of {@code value}, or null when it is not a 128-bit id in any accepted form. */
    public static String canonical(CharSequence value) {
        if (value.length() == 32 && isLowerHex(value)) {
            return value.toString();
        }
        String text = value.toString();
        if (text.length() == 36 && isUuidShaped(text)) {
            text = text.replace("-", "");
        }
        String compact = text.toLowerCase(Locale.ROOT);
        return compact.length() == 32 && isLowerHex(compact) ? compact : null;
    }

    /** Dashes exactly where {@code UUID.toString()} puts them: 8-4-4-4-12. */
    private static boolean isUuidShaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            boolean dashPosition = i == 8 || i == 13 || i == 18 || i == 23;
            if ((text.charAt(i) == '-') != dashPosition) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerHex(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
