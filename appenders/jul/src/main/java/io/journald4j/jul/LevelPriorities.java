package io.journald4j.jul;

import io.journald4j.entry.PriorityMapping;
import io.journald4j.protocol.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;

/**
 * java.util.logging levels mapped to journal priorities: SEVERE 3, WARNING 4, INFO 6, CONFIG 6,
 * FINE/FINER/FINEST 7 unless overridden ({@code SEVERE=crit,CONFIG=debug}).
 *
 * <p>JUL lets applications define their own levels, so a level is mapped by its {@link Level#intValue()}
 * to the standard level nearest to it (a tie goes to the more severe one): a custom level between
 * WARNING and SEVERE is never written as debug. Lookup allocates nothing.
 */
final class LevelPriorities {

    private static final Level[] STANDARD = {
        Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE, Level.FINER, Level.FINEST
    };
    private static final Map<String, Priority> DEFAULTS = defaults();

    private final int[] values = new int[STANDARD.length];
    private final Priority[] priorities = new Priority[STANDARD.length];

    private LevelPriorities(PriorityMapping mapping) {
        for (int i = 0; i < STANDARD.length; i++) {
            values[i] = STANDARD[i].intValue();
            priorities[i] = mapping.priorityOf(STANDARD[i].getName(), DEFAULTS.get(STANDARD[i].getName()));
        }
    }

    /**
     * The defaults with {@code overrides} ({@code LEVEL=priority,...}, may be null) applied.
     *
     * @throws IllegalArgumentException naming the entry, for a level that is not a standard JUL level
     *     name or a priority that is neither 0-7 nor a syslog name
     */
    static LevelPriorities parse(String overrides) {
        return new LevelPriorities(PriorityMapping.parse(DEFAULTS, overrides));
    }

    Priority of(Level level) {
        long value = level.intValue();
        int nearest = 0;
        long nearestDistance = Long.MAX_VALUE;
        for (int i = 0; i < values.length; i++) {
            long distance = Math.abs(value - values[i]);
            if (distance < nearestDistance) {
                nearest = i;
                nearestDistance = distance;
            }
        }
        return priorities[nearest];
    }

    private static Map<String, Priority> defaults() {
        Map<String, Priority> priorities = new LinkedHashMap<>();
        priorities.put(Level.SEVERE.getName(), Priority.ERR);
        priorities.put(Level.WARNING.getName(), Priority.WARNING);
        priorities.put(Level.INFO.getName(), Priority.INFO);
        priorities.put(Level.CONFIG.getName(), Priority.INFO);
        priorities.put(Level.FINE.getName(), Priority.DEBUG);
        priorities.put(Level.FINER.getName(), Priority.DEBUG);
        priorities.put(Level.FINEST.getName(), Priority.DEBUG);
        return priorities;
    }
}
