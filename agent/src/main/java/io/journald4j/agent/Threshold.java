package io.journald4j.agent;

import java.util.Locale;

/**
 * The least severe level the agent sends, named the way SLF4J names levels.
 *
 * <p>The frameworks' own levels map onto these: Log4j's FATAL counts as ERROR; JUL's SEVERE is ERROR,
 * WARNING is WARN, INFO and CONFIG are INFO, FINE is DEBUG, FINER and FINEST are TRACE.
 */
public enum Threshold {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** Parses a level name in any case. */
    static Threshold parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (Threshold threshold : values()) {
            if (threshold.name().equals(name)) {
                return threshold;
            }
        }
        throw new IllegalArgumentException("level '" + text + "' is not one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
}
