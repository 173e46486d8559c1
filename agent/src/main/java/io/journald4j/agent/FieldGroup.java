package io.journald4j.agent;

/**
 * The optional groups of fields an entry may carry, chosen with the {@code fields} option.
 *
 * <p>Each maps onto the appenders' switches, so that the agent writes the same fields as an appender
 * configured alike: MDC (Log4j's ThreadContext map and stack), caller data ({@code CODE_*}), markers,
 * and key-values (SLF4J 2 key-value pairs; Log4j {@code MapMessage} entries).
 */
public enum FieldGroup {
    MDC("mdc"),
    CALLER_DATA("callerData"),
    MARKERS("markers"),
    KEY_VALUES("keyValues");

    private final String optionName;

    FieldGroup(String optionName) {
        this.optionName = optionName;
    }

    /** The name used in the {@code fields} option. */
    public String optionName() {
        return optionName;
    }

    static FieldGroup parse(String text) {
        for (FieldGroup group : values()) {
            if (group.optionName.equalsIgnoreCase(text.trim())) {
                return group;
            }
        }
        throw new IllegalArgumentException(
                "fields names unknown group '" + text.trim() + "': use mdc, callerData, markers, keyValues or none");
    }
}
