package io.journald4j.protocol;

import java.util.Set;

/**
 * The field names journald4j writes for every adapter (the field contract), and the rule that keeps
 * user-supplied keys from overwriting them.
 *
 * <p>Field names that systemd documents in {@code systemd.journal-fields(7)} ({@code MESSAGE},
 * {@code PRIORITY}, {@code CODE_*}, {@code SYSLOG_*}, {@code MESSAGE_ID}) keep their systemd meaning.
 */
public final class JournalField {

    public static final String MESSAGE = "MESSAGE";
    public static final String MESSAGE_ID = "MESSAGE_ID";
    public static final String PRIORITY = "PRIORITY";
    public static final String SYSLOG_IDENTIFIER = "SYSLOG_IDENTIFIER";
    public static final String SYSLOG_FACILITY = "SYSLOG_FACILITY";
    public static final String LOGGER_NAME = "LOGGER_NAME";
    public static final String THREAD_NAME = "THREAD_NAME";
    public static final String CODE_FILE = "CODE_FILE";
    public static final String CODE_LINE = "CODE_LINE";
    public static final String CODE_FUNC = "CODE_FUNC";
    public static final String EXCEPTION_TYPE = "EXCEPTION_TYPE";
    public static final String EXCEPTION_MESSAGE = "EXCEPTION_MESSAGE";
    public static final String STACK_TRACE = "STACK_TRACE";
    public static final String EVENT_TIME_USEC = "EVENT_TIME_USEC";
    public static final String MARKER = "MARKER";
    /** One element of a nested diagnostic context (Log4j's ThreadContext stack), repeated per element. */
    public static final String NDC = "NDC";

    /** What a user key that lands on a contract name is renamed to, so that it neither overwrites nor vanishes. */
    public static final String USER_PREFIX = "USER_";

    private static final Set<String> CONTRACT = Set.of(
            MESSAGE,
            MESSAGE_ID,
            PRIORITY,
            SYSLOG_IDENTIFIER,
            SYSLOG_FACILITY,
            LOGGER_NAME,
            THREAD_NAME,
            CODE_FILE,
            CODE_LINE,
            CODE_FUNC,
            EXCEPTION_TYPE,
            EXCEPTION_MESSAGE,
            STACK_TRACE,
            EVENT_TIME_USEC,
            MARKER,
            NDC);

    private JournalField() {}

    /** Whether {@code name} is one the adapters fill themselves. */
    public static boolean isContractField(String name) {
        return CONTRACT.contains(name);
    }
}
