package io.journald4j.agent;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agent's settings, parsed from {@code -javaagent:journald4j-agent.jar=key=value,key=value}, system
 * properties and environment variables.
 *
 * <p>Keys (defaults in brackets):
 * <ul>
 *   <li>{@code socketPath} [/run/systemd/journal/socket]: the journal's socket, at most 107 bytes;
 *   <li>{@code syslogIdentifier} [the jar's or main class's name]: {@code SYSLOG_IDENTIFIER};
 *   <li>{@code level} [TRACE]: the least severe level sent, TRACE, DEBUG, INFO, WARN or ERROR (the
 *       application's logger levels decide first; see {@link Threshold} for Log4j and JUL levels);
 *   <li>{@code fields} [mdc:markers:keyValues]: optional field groups, {@code :}-separated, from
 *       {@code mdc}, {@code callerData}, {@code markers}, {@code keyValues}; {@code none} for none;
 *   <li>{@code policy} [block]: {@code block} or {@code drop}, as for the appenders;
 *   <li>{@code enabled} [true]: {@code false} turns the agent off.
 * </ul>
 *
 * <p>Every key can also be set as the system property {@code journald4j.agent.KEY} or the environment
 * variable {@code JOURNALD4J_AGENT_KEY} (upper snake case: {@code JOURNALD4J_AGENT_SOCKET_PATH}). Agent
 * arguments win over system properties, which win over the environment, so an image can set defaults
 * that one command line overrides. Values are trimmed; a value holding a comma can only be given as a
 * property or variable.
 *
 * <p>Like Caffeine's {@code CaffeineSpec}, parsing is strict: an unknown key (in any of the three
 * sources), a key given twice in the arguments, a pair without {@code =} or an invalid value is an
 * {@link IllegalArgumentException} whose message names the option. The agent then disables itself
 * rather than run with settings the user did not mean.
 */
public final class AgentOptions {

    static final String PROPERTY_PREFIX = "journald4j.agent.";
    static final String ENV_PREFIX = "JOURNALD4J_AGENT_";
    static final String[] KEYS = {"socketPath", "syslogIdentifier", "level", "fields", "policy", "enabled"};
    private static final int MAX_SOCKET_PATH_BYTES = 107;

    private String socketPath = "/run/systemd/journal/socket";
    private String syslogIdentifier;
    private Threshold level = Threshold.TRACE;
    private Set<FieldGroup> fields = EnumSet.of(FieldGroup.MDC, FieldGroup.MARKERS, FieldGroup.KEY_VALUES);
    private String policy = "block";
    private boolean enabled = true;

    private AgentOptions() {}

    /** The options of an agent argument string alone; null or blank means all defaults. */
    public static AgentOptions parse(String arguments) {
        AgentOptions options = new AgentOptions();
        options.apply(splitArguments(arguments), "agent argument ");
        return options;
    }

    /**
     * The options from all three sources: {@code arguments} over {@code properties} (keys {@code
     * journald4j.agent.*}) over {@code environment} (names {@code JOURNALD4J_AGENT_*}).
     */
    public static AgentOptions resolve(String arguments, Properties properties, Map<String, String> environment) {
        AgentOptions options = new AgentOptions();
        options.apply(fromEnvironment(environment), "environment variable " + ENV_PREFIX);
        options.apply(fromProperties(properties), "system property " + PROPERTY_PREFIX);
        options.apply(splitArguments(arguments), "agent argument ");
        return options;
    }

    private void apply(Map<String, String> pairs, String source) {
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            set(pair.getKey(), pair.getValue(), source);
        }
    }

    private void set(String key, String value, String source) {
        switch (key) {
            case "socketPath":
                socketPath = requireSocketPath(value, source + key);
                break;
            case "syslogIdentifier":
                syslogIdentifier = requireNonEmpty(value, source + key);
                break;
            case "level":
                level = Threshold.parse(value);
                break;
            case "fields":
                fields = parseFields(value);
                break;
            case "policy":
                policy = parsePolicy(value);
                break;
            case "enabled":
                enabled = parseBoolean(value, source + key);
                break;
            default:
                throw new IllegalArgumentException(
                        "unknown " + source + key + "; known keys: " + String.join(", ", KEYS));
        }
    }

    /** Splits {@code k=v,k=v}, rejecting pairs without {@code =} and keys given twice. */
    static Map<String, String> splitArguments(String arguments) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (arguments == null || arguments.trim().isEmpty()) {
            return pairs;
        }
        for (String pair : arguments.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.substring(0, equals).trim().isEmpty()) {
                throw new IllegalArgumentException("malformed agent argument '" + pair.trim() + "': use key=value");
            }
            String key = pair.substring(0, equals).trim();
            if (pairs.put(key, pair.substring(equals + 1).trim()) != null) {
                throw new IllegalArgumentException("agent argument " + key + " is given more than once");
            }
        }
        return pairs;
    }

    private static Map<String, String> fromProperties(Properties properties) {
        Map<String, String> pairs = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                pairs.put(
                        name.substring(PROPERTY_PREFIX.length()),
                        properties.getProperty(name).trim());
            }
        }
        return pairs;
    }

    /** Maps {@code JOURNALD4J_AGENT_SOCKET_PATH} to {@code socketPath}; an unknown suffix stays as it is, to be named. */
    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> pairs = new TreeMap<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (variable.getKey().startsWith(ENV_PREFIX)) {
                String suffix = variable.getKey().substring(ENV_PREFIX.length());
                pairs.put(keyForEnvironment(suffix), variable.getValue().trim());
            }
        }
        return pairs;
    }

    private static String keyForEnvironment(String suffix) {
        for (String key : KEYS) {
            if (environmentName(key).equals(suffix)) {
                return key;
            }
        }
        return suffix;
    }

    /** {@code socketPath} → {@code SOCKET_PATH}. */
    static String environmentName(String key) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                name.append('_');
            }
            name.append(Character.toUpperCase(c));
        }
        return name.toString();
    }

    private static String requireNonEmpty(String value, String option) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }

    private static String requireSocketPath(String value, String option) {
        requireNonEmpty(value, option);
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalArgumentException(
                    option + " must be at most " + MAX_SOCKET_PATH_BYTES + " bytes (sockaddr_un limit): " + value);
        }
        return value;
    }

    private static Set<FieldGroup> parseFields(String value) {
        Set<FieldGroup> groups = EnumSet.noneOf(FieldGroup.class);
        if (value.equalsIgnoreCase("none")) {
            return groups;
        }
        for (String name : value.split(":", -1)) {
            if (!groups.add(FieldGroup.parse(name))) {
                throw new IllegalArgumentException("fields names group '" + name.trim() + "' more than once");
            }
        }
        return groups;
    }

    private static String parsePolicy(String value) {
        String policy = value.toLowerCase(Locale.ROOT);
        if (!policy.equals("block") && !policy.equals("drop")) {
            throw new IllegalArgumentException("policy '" + value + "' is neither block nor drop");
        }
        return policy;
    }

    private static boolean parseBoolean(String value, String option) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(option + " must be true or false: '" + value + "'");
    }

    public String socketPath() {
        return socketPath;
    }

    /** The configured identifier, or null to derive it from the application as the appenders do. */
    public String syslogIdentifier() {
        return syslogIdentifier;
    }

    public Threshold level() {
        return level;
    }

    public Set<FieldGroup> fields() {
        return Collections.unmodifiableSet(fields);
    }

    public String policy() {
        return policy;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The options as strings, the form handed to the agent's isolated class loader (which cannot see this
     * class): every key present, {@code syslogIdentifier} only when set, {@code fields} as option names.
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("socketPath", socketPath);
        if (syslogIdentifier != null) {
            map.put("syslogIdentifier", syslogIdentifier);
        }
        map.put("level", level.name());
        StringBuilder groups = new StringBuilder();
        for (FieldGroup group : fields) {
            groups.append(groups.length() == 0 ? "" : ":").append(group.optionName());
        }
        map.put("fields", groups.toString());
        map.put("policy", policy);
        map.put("enabled", Boolean.toString(enabled));
        return map;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
