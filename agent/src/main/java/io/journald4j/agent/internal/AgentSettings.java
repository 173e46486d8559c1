package io.journald4j.agent.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated options as the isolated side receives them: a string map (see {@code AgentOptions#toMap}).
 *
 * <p>Adapter class loaders delegate this package to the agent's loader, so adapters share this very class.
 */
public final class AgentSettings {

    private final Map<String, String> values;

    private AgentSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    public static AgentSettings of(Map<String, String> values) {
        return new AgentSettings(values);
    }

    public String socketPath() {
        return values.get("socketPath");
    }

    /** Null when not configured: the appenders then derive it from the application. */
    public String syslogIdentifier() {
        return values.get("syslogIdentifier");
    }

    /** TRACE, DEBUG, INFO, WARN or ERROR. */
    public String level() {
        return values.get("level");
    }

    public String policy() {
        return values.get("policy");
    }

    /** Whether {@code fields} names {@code group} ({@code mdc}, {@code callerData}, {@code markers}, {@code keyValues}). */
    public boolean hasField(String group) {
        String fields = values.get("fields");
        List<String> groups =
                fields == null || fields.isEmpty() ? Collections.emptyList() : Arrays.asList(fields.split(":"));
        return groups.contains(group);
    }
}
