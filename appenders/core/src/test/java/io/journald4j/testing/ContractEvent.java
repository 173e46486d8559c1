package io.journald4j.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A framework-neutral log event that each adapter's {@link ContractLogger} replays through its framework. */
public final class ContractEvent {

    /** The levels every framework has an equivalent of. */
    public enum Level {
        ERROR,
        WARN,
        INFO,
        DEBUG
    }

    public final Level level;
    public final String message;
    public final Throwable throwable;
    public final Map<String, String> context;
    public final Map<String, Object> keyValues;
    public final List<String> markers;

    private ContractEvent(
            Level level,
            String message,
            Throwable throwable,
            Map<String, String> context,
            Map<String, Object> keyValues,
            List<String> markers) {
        this.level = level;
        this.message = message;
        this.throwable = throwable;
        this.context = Collections.unmodifiableMap(context);
        this.keyValues = Collections.unmodifiableMap(keyValues);
        this.markers = Collections.unmodifiableList(markers);
    }

    public static ContractEvent info(String message) {
        return new ContractEvent(
                Level.INFO, message, null, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
    }

    public ContractEvent at(Level newLevel) {
        return new ContractEvent(newLevel, message, throwable, context, keyValues, markers);
    }

    public ContractEvent withThrowable(Throwable newThrowable) {
        return new ContractEvent(level, message, newThrowable, context, keyValues, markers);
    }

    /** Adds a thread-context entry (Logback/SLF4J MDC, Log4j ThreadContext). */
    public ContractEvent withContext(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(context);
        more.put(key, value);
        return new ContractEvent(level, message, throwable, more, keyValues, markers);
    }

    /** Adds a structured key-value pair (SLF4J 2 fluent key-values, Log4j MapMessage). */
    public ContractEvent withKeyValue(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(keyValues);
        more.put(key, value);
        return new ContractEvent(level, message, throwable, context, more, markers);
    }

    public ContractEvent withMarker(String name) {
        List<String> more = new ArrayList<>(markers);
        more.add(name);
        return new ContractEvent(level, message, throwable, context, keyValues, more);
    }
}
