package io.journald4j.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps user keys (MDC, key-value pairs, map messages) to the field names they are written under,
 * caching the answers so that steady-state logging with the same keys allocates nothing.
 *
 * <p>A key becomes {@link FieldName#normalize(String) its normalised name}; one that would land on a
 * contract field ({@code PRIORITY}, {@code MESSAGE}, ...) gets the {@code USER_} prefix instead, so it
 * neither overwrites the adapter's field nor vanishes. Keys beyond the cache bound are mapped on every
 * use rather than cached, which keeps memory flat when an application uses unbounded keys.
 */
public final class UserFieldNames {

    /** Enough for the keys of any sane application; a bound, not a size hint. */
    public static final int DEFAULT_CACHE_SIZE = 4096;

    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final int maxCached;

    public UserFieldNames() {
        this(DEFAULT_CACHE_SIZE);
    }

    public UserFieldNames(int maxCached) {
        if (maxCached < 0) {
            throw new IllegalArgumentException("maxCached must not be negative: " + maxCached);
        }
        this.maxCached = maxCached;
    }

    /** The field name for user key {@code key}. */
    public String fieldFor(String key) {
        String name = names.get(key);
        if (name != null) {
            return name;
        }
        name = map(key);
        if (names.size() < maxCached) {
            names.putIfAbsent(key, name);
        }
        return name;
    }

    static String map(String key) {
        String name = FieldName.normalize(key);
        if (!JournalField.isContractField(name)) {
            return name;
        }
        String renamed = JournalField.USER_PREFIX + name;
        return renamed.length() <= FieldName.MAX_LENGTH ? renamed : renamed.substring(0, FieldName.MAX_LENGTH);
    }
}
