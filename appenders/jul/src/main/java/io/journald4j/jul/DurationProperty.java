package io.journald4j.jul;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses a duration property such as {@code blockTimeout}: a whole number with an optional unit.
 *
 * <p>{@code 500} and {@code 500ms} are milliseconds, {@code 5s} seconds, {@code 1m} minutes; the long
 * forms Logback accepts ({@code 5 seconds}, {@code 500 milliseconds}) work too, so one value fits both.
 */
final class DurationProperty {

    private DurationProperty() {}

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 18) {
            throw invalid(text);
        }
        long amount = Long.parseLong(t.substring(0, digits));
        switch (t.substring(digits).trim()) {
            case "":
            case "ms":
            case "millis":
            case "millisecond":
            case "milliseconds":
                return Duration.ofMillis(amount);
            case "s":
            case "second":
            case "seconds":
                return Duration.ofSeconds(amount);
            case "m":
            case "min":
            case "minute":
            case "minutes":
                return Duration.ofMinutes(amount);
            default:
                throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "duration '" + text + "' must be a whole number with an optional unit: 500 (ms), 500ms, 5s, 1m");
    }
}
