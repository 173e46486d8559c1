package io.journald4j.entry;

import io.journald4j.protocol.Priority;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A framework's level names mapped to journal priorities, configurable as {@code LEVEL=priority,...}.
 *
 * <p>Adapters start from the contract's defaults and let users override single levels, e.g.
 * {@code WARN=notice}; unknown level names and priorities are configuration errors naming the entry.
 */
public final class PriorityMapping {

    private final Map<String, Priority> priorities;

    private PriorityMapping(Map<String, Priority> priorities) {
        this.priorities = priorities;
    }

    /** The mapping {@code defaults}, with the entries of {@code overrides} (may be null or empty) replacing theirs. */
    public static PriorityMapping parse(Map<String, Priority> defaults, String overrides) {
        Map<String, Priority> priorities = new HashMap<>(defaults);
        if (overrides == null || overrides.trim().isEmpty()) {
            return new PriorityMapping(priorities);
        }
        for (String entry : overrides.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(
                        "priority mapping entry '" + entry.trim() + "' must be LEVEL=priority");
            }
            String level = entry.substring(0, equals).trim().toUpperCase(Locale.ROOT);
            if (!defaults.containsKey(level)) {
                throw new IllegalArgumentException(
                        "priority mapping names unknown level '" + level + "'; known: " + defaults.keySet());
            }
            priorities.put(level, Priority.parse(entry.substring(equals + 1)));
        }
        return new PriorityMapping(priorities);
    }

    /** The priority of {@code level} (upper-case name), or {@code fallback} for a level the mapping lacks. */
    public Priority priorityOf(String level, Priority fallback) {
        Priority priority = priorities.get(level);
        return priority != null ? priority : fallback;
    }
}
