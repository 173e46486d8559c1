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
        String compact = value.toString().replace("-", "").toLowerCase(Locale.ROOT);
        boolean uuidShaped = value.length() == 36 && compact.length() == 32;
        if ((uuidShaped || value.length() == 32) && isLowerHex(compact)) {
            return compact;
        }
        return null;
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
