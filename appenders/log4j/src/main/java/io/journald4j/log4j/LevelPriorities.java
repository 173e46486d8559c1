package io.journald4j.log4j;

import io.journald4j.entry.PriorityMapping;
import io.journald4j.protocol.Priority;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.spi.StandardLevel;

/**
 * Log4j levels to journal priorities: FATAL 2, ERROR 3, WARN 4, INFO 6, DEBUG 7, TRACE 7 by default.
 *
 * <p>A custom level takes the priority of the standard level nearest to its {@code intLevel} (ties go to
 * the more severe one, so a level half-way between WARN and INFO is never under-reported); custom
 * levels known when the appender is built may also be named in {@code priorityMapping} themselves.
 * Lookups allocate nothing: a map read for custom levels, a scan of the six standard ones.
 */
final class LevelPriorities {

    private static final StandardLevel[] STANDARD = {
        StandardLevel.FATAL, StandardLevel.ERROR, StandardLevel.WARN,
        StandardLevel.INFO, StandardLevel.DEBUG, StandardLevel.TRACE
    };

    private final Priority fatal;
    private final Priority error;
    private final Priority warn;
    private final Priority info;
    private final Priority debug;
    private final Priority trace;
    private final Map<String, Priority> custom = new HashMap<>();

    private LevelPriorities(PriorityMapping mapping, Map<String, Priority> defaults) {
        this.fatal = mapping.priorityOf("FATAL", Priority.CRIT);
        this.error = mapping.priorityOf("ERROR", Priority.ERR);
        this.warn = mapping.priorityOf("WARN", Priority.WARNING);
        this.info = mapping.priorityOf("INFO", Priority.INFO);
        this.debug = mapping.priorityOf("DEBUG", Priority.DEBUG);
        this.trace = mapping.priorityOf("TRACE", Priority.DEBUG);
        for (String level : defaults.keySet()) {
            custom.put(level, mapping.priorityOf(level, Priority.DEBUG));
        }
    }

    /**
     * The defaults (including every level defined when called), with {@code overrides} such as
     * {@code WARN=notice,DEBUG=6} replacing theirs.
     *
     * @throws IllegalArgumentException naming an unknown level or priority
     */
    static LevelPriorities parse(String overrides) {
        Map<String, Priority> defaults = new LinkedHashMap<>();
        defaults.put("FATAL", Priority.CRIT);
        defaults.put("ERROR", Priority.ERR);
        defaults.put("WARN", Priority.WARNING);
        defaults.put("INFO", Priority.INFO);
        defaults.put("DEBUG", Priority.DEBUG);
        defaults.put("TRACE", Priority.DEBUG);
        Map<String, Priority> customDefaults = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            if (!defaults.containsKey(level.name()) && level.intLevel() > 0 && level.intLevel() < Integer.MAX_VALUE) {
                customDefaults.put(
                        level.name(),
                        defaults.get(nearestStandard(level.intLevel()).name()));
            }
        }
        defaults.putAll(customDefaults);
        return new LevelPriorities(PriorityMapping.parse(defaults, overrides), customDefaults);
    }

    Priority priorityOf(Level level) {
        if (!custom.isEmpty()) {
            Priority known = custom.get(level.name());
            if (known != null) {
                return known;
            }
        }
        return standard(nearestStandard(level.intLevel()));
    }

    private Priority standard(StandardLevel level) {
        switch (level) {
            case FATAL:
                return fatal;
            case ERROR:
                return error;
            case WARN:
                return warn;
            case INFO:
                return info;
            case DEBUG:
                return debug;
            default:
                return trace;
        }
    }

    /** The standard level closest to {@code intLevel}; the more severe one on a tie. */
    static StandardLevel nearestStandard(int intLevel) {
        StandardLevel nearest = STANDARD[0];
        long best = Long.MAX_VALUE;
        for (StandardLevel candidate : STANDARD) {
            long distance = Math.abs((long) intLevel - candidate.intLevel());
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        return nearest;
    }
}
