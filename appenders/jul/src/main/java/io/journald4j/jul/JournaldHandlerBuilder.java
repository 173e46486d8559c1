package io.journald4j.jul;

import io.journald4j.protocol.JournalEncoder;
import io.journald4j.transport.SenderConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Level;

/**
 * Configures a {@link JournaldHandler} in code, for applications and agents that set up JUL without a
 * {@code logging.properties}; the settings and defaults are those of the properties.
 *
 * <pre>{@code
 * Handler journal = JournaldHandler.builder().syslogIdentifier("orders").policy("drop").build();
 * }</pre>
 *
 * <p>Values are checked by {@link #build()}, which, like the properties path, never throws: an invalid
 * value is reported to the handler's {@link ErrorManager} and leaves a handler that drops every record.
 */
public final class JournaldHandlerBuilder {

    Level level = Level.ALL;
    Filter filter;
    Formatter formatter;
    ErrorManager errorManager;
    String syslogIdentifier;
    String syslogFacility;
    String socketPath = SenderConfig.DEFAULT_SOCKET.toString();
    String policy = "block";
    Duration blockTimeout = Duration.ofSeconds(5);
    String priorityMapping;
    final List<String> staticFields = new ArrayList<>();
    boolean includeCallerData;
    boolean includeStackTrace = true;
    int maxEntrySize = JournalEncoder.DEFAULT_MAX_ENTRY_SIZE;
    /** Set when a configuration value could not even be read (see {@link LogManagerProperties}). */
    String invalid;

    Exception invalidCause;

    JournaldHandlerBuilder() {}

    /** The least severe level the handler publishes (default {@code ALL}: the loggers decide). */
    public JournaldHandlerBuilder level(Level level) {
        this.level = level;
        return this;
    }

    public JournaldHandlerBuilder filter(Filter filter) {
        this.filter = filter;
        return this;
    }

    /** Makes {@code MESSAGE} (its line separator removed); without one, the message with its parameters applied. */
    public JournaldHandlerBuilder formatter(Formatter formatter) {
        this.formatter = formatter;
        return this;
    }

    /** Where the handler reports its trouble, including invalid configuration found by {@link #build()}. */
    public JournaldHandlerBuilder errorManager(ErrorManager errorManager) {
        this.errorManager = errorManager;
        return this;
    }

    /** {@code SYSLOG_IDENTIFIER}; defaults to the jar's or main class's name. */
    public JournaldHandlerBuilder syslogIdentifier(String syslogIdentifier) {
        this.syslogIdentifier = syslogIdentifier;
        return this;
    }

    /** Optional {@code SYSLOG_FACILITY}: 0-23 or a name such as {@code local0}. */
    public JournaldHandlerBuilder syslogFacility(String syslogFacility) {
        this.syslogFacility = syslogFacility;
        return this;
    }

    /** The journal's socket (default {@code /run/systemd/journal/socket}); a namespace's or collector's works too. */
    public JournaldHandlerBuilder socketPath(String socketPath) {
        this.socketPath = socketPath;
        return this;
    }

    /** {@code block} (default) or {@code drop}. */
    public JournaldHandlerBuilder policy(String policy) {
        this.policy = policy;
        return this;
    }

    /** How long a {@code block} caller may wait for the journal (default 5 s). */
    public JournaldHandlerBuilder blockTimeout(Duration blockTimeout) {
        this.blockTimeout = blockTimeout;
        return this;
    }

    /** Overrides of the level-to-priority mapping, e.g. {@code WARNING=notice,CONFIG=debug}. */
    public JournaldHandlerBuilder priorityMapping(String priorityMapping) {
        this.priorityMapping = priorityMapping;
        return this;
    }

    /** A {@code NAME=value} field written on every entry; call again for more. */
    public JournaldHandlerBuilder staticField(String pair) {
        this.staticFields.add(pair);
        return this;
    }

    /** {@code CODE_FILE}, {@code CODE_LINE}, {@code CODE_FUNC} (default false: costs two stack walks per record). */
    public JournaldHandlerBuilder includeCallerData(boolean includeCallerData) {
        this.includeCallerData = includeCallerData;
        return this;
    }

    /** {@code STACK_TRACE} (default true); {@code EXCEPTION_TYPE} and {@code EXCEPTION_MESSAGE} are always written. */
    public JournaldHandlerBuilder includeStackTrace(boolean includeStackTrace) {
        this.includeStackTrace = includeStackTrace;
        return this;
    }

    /** Entries larger than this many bytes are dropped and reported (default 64 MiB, at least 8 KiB). */
    public JournaldHandlerBuilder maxEntrySize(int maxEntrySize) {
        this.maxEntrySize = maxEntrySize;
        return this;
    }

    /** The configured handler, connected to the journal; never throws (see the class comment). */
    public JournaldHandler build() {
        return new JournaldHandler(this);
    }

    /** Marks the configuration unusable: {@link #build()} reports {@code message} and leaves the handler inert. */
    JournaldHandlerBuilder invalid(String message, Exception cause) {
        if (invalid == null) {
            invalid = message;
            invalidCause = cause;
        }
        return this;
    }

    List<String> staticFields() {
        return Collections.unmodifiableList(staticFields);
    }
}
