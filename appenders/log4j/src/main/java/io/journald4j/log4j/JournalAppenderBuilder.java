package io.journald4j.log4j;

import io.journald4j.entry.EntryBufferPool;
import io.journald4j.entry.StaticFields;
import io.journald4j.entry.SyslogFacility;
import io.journald4j.entry.SyslogIdentifier;
import io.journald4j.entry.UserFields;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.transport.SendPolicy;
import io.journald4j.transport.SenderConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.plugins.PluginAliases;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Builds a {@link JournalAppender} from {@code <Journald>}'s attributes and elements.
 *
 * <pre>{@code
 * <Journald name="JOURNAL" syslogIdentifier="orders" syslogFacility="local0" socketPath="/run/systemd/journal/socket"
 *           policy="block" blockTimeoutMillis="5000" priorityMapping="WARN=notice" includeLocation="false"
 *           includeThreadContext="true" includeThreadContextStack="true" includeMapMessage="true"
 *           includeMarkers="true" includeStackTrace="true" maxEntrySize="67108864" ignoreExceptions="true">
 *   <PatternLayout pattern="%m"/>                          <!-- optional: MESSAGE -->
 *   <KeyValuePair key="DEPLOYMENT" value="blue"/>          <!-- static fields, repeatable -->
 * </Journald>
 * }</pre>
 *
 * <p>Configuration errors (an unknown policy, an invalid static field name, a socket path too long
 * for AF_UNIX...) are reported on the StatusLogger and {@link #build()} returns null: Log4j then runs
 * without this appender, and nothing is thrown into the application. Timeouts are in milliseconds, as
 * in Log4j's own Socket and Http appenders.
 */
public final class JournalAppenderBuilder extends AbstractAppender.Builder<JournalAppenderBuilder>
        implements org.apache.logging.log4j.core.util.Builder<JournalAppender> {

    @PluginBuilderAttribute
    private String syslogIdentifier;

    @PluginBuilderAttribute
    private String syslogFacility;

    @PluginBuilderAttribute
    private String socketPath = SenderConfig.DEFAULT_SOCKET.toString();

    @PluginBuilderAttribute
    private String policy = "block";

    @PluginBuilderAttribute
    private long blockTimeoutMillis = SenderConfig.defaults().blockTimeout().toMillis();

    @PluginBuilderAttribute
    private String priorityMapping;

    @PluginBuilderAttribute
    private boolean includeLocation;

    @PluginBuilderAttribute
    @PluginAliases("includeMdc")
    private boolean includeThreadContext = true;

    @PluginBuilderAttribute
    private boolean includeThreadContextStack = true;

    @PluginBuilderAttribute
    private boolean includeMapMessage = true;

    @PluginBuilderAttribute
    private boolean includeMarkers = true;

    @PluginBuilderAttribute
    private boolean includeStackTrace = true;

    @PluginBuilderAttribute
    private int maxEntrySize = JournalEncoder.DEFAULT_MAX_ENTRY_SIZE;

    @PluginElement("StaticFields")
    private KeyValuePair[] staticFields = KeyValuePair.EMPTY_ARRAY;

    JournalAppenderBuilder() {}

    @Override
    public JournalAppender build() {
        String name = getName();
        try {
            SenderConfig config = senderConfig();
            MessageText messageText = new MessageText(getLayout());
            Log4jEventMapper mapper = new Log4jEventMapper(
                    messageText,
                    syslogIdentifier != null ? syslogIdentifier : SyslogIdentifier.forThisApplication(),
                    syslogFacility != null ? SyslogFacility.parse(syslogFacility) : -1,
                    LevelPriorities.parse(priorityMapping),
                    fieldGroups(),
                    new UserFields(),
                    staticFieldsOf(staticFields));
            EntryBufferPool buffers = EntryBufferPool.forMachine(maxEntrySize);
            // Creates the first buffer now: a maxEntrySize the encoder rejects is a configuration error, not one per
            // event.
            buffers.release(buffers.acquire());
            return new JournalAppender(
                    name,
                    getFilter(),
                    getLayout(),
                    isIgnoreExceptions(),
                    getPropertyArray(),
                    JournalManager.forConfig(config),
                    mapper,
                    buffers,
                    includeLocation || messageText.requiresLocation());
        } catch (IllegalArgumentException e) {
            StatusLogger.getLogger().error("Journald appender '{}' not created: {}", name, e.getMessage(), e);
            return null;
        }
    }

    private SenderConfig senderConfig() {
        if (socketPath == null || socketPath.trim().isEmpty()) {
            throw new IllegalArgumentException("socketPath must not be empty");
        }
        try {
            return SenderConfig.defaults()
                    .withSocketPath(Paths.get(socketPath))
                    .withPolicy(SendPolicy.parse(policy == null ? "" : policy))
                    .withBlockTimeout(Duration.ofMillis(blockTimeoutMillis));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "socketPath '" + socketPath + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    private Log4jEventMapper.FieldGroups fieldGroups() {
        Log4jEventMapper.FieldGroups groups = new Log4jEventMapper.FieldGroups();
        groups.location = includeLocation;
        groups.threadContext = includeThreadContext;
        groups.threadContextStack = includeThreadContextStack;
        groups.mapMessage = includeMapMessage;
        groups.markers = includeMarkers;
        groups.stackTrace = includeStackTrace;
        return groups;
    }

    private static StaticFields staticFieldsOf(KeyValuePair[] pairs) {
        StaticFields fields = new StaticFields();
        for (KeyValuePair pair : pairs) {
            fields.add(pair.getKey() + "=" + (pair.getValue() == null ? "" : pair.getValue()));
        }
        return fields;
    }

    /** {@code SYSLOG_IDENTIFIER}; defaults to the jar's or main class's name. */
    public JournalAppenderBuilder setSyslogIdentifier(String syslogIdentifier) {
        this.syslogIdentifier = syslogIdentifier;
        return this;
    }

    /** Optional {@code SYSLOG_FACILITY}: 0-23 or a name such as {@code local0}. */
    public JournalAppenderBuilder setSyslogFacility(String syslogFacility) {
        this.syslogFacility = syslogFacility;
        return this;
    }

    /** The journal's socket; a journald namespace or a journald4j collector socket also works. */
    public JournalAppenderBuilder setSocketPath(String socketPath) {
        this.socketPath = socketPath;
        return this;
    }

    /** {@code block} (default) or {@code drop}. */
    public JournalAppenderBuilder setPolicy(String policy) {
        this.policy = policy;
        return this;
    }

    /** How long a {@code block} caller may wait for the journal (default 5000). */
    public JournalAppenderBuilder setBlockTimeoutMillis(long blockTimeoutMillis) {
        this.blockTimeoutMillis = blockTimeoutMillis;
        return this;
    }

    /** Overrides of the level-to-priority mapping, e.g. {@code WARN=notice,DEBUG=6}. */
    public JournalAppenderBuilder setPriorityMapping(String priorityMapping) {
        this.priorityMapping = priorityMapping;
        return this;
    }

    /** {@code CODE_FILE}, {@code CODE_LINE}, {@code CODE_FUNC} (costs a stack walk per event). */
    public JournalAppenderBuilder setIncludeLocation(boolean includeLocation) {
        this.includeLocation = includeLocation;
        return this;
    }

    /** One field per ThreadContext map entry (alias {@code includeMdc}). */
    public JournalAppenderBuilder setIncludeThreadContext(boolean includeThreadContext) {
        this.includeThreadContext = includeThreadContext;
        return this;
    }

    /** {@code NDC}, once per ThreadContext stack element. */
    public JournalAppenderBuilder setIncludeThreadContextStack(boolean includeThreadContextStack) {
        this.includeThreadContextStack = includeThreadContextStack;
        return this;
    }

    /** One field per {@code MapMessage}/{@code StructuredDataMessage} entry. */
    public JournalAppenderBuilder setIncludeMapMessage(boolean includeMapMessage) {
        this.includeMapMessage = includeMapMessage;
        return this;
    }

    /** {@code MARKER} once per marker and each of its parents. */
    public JournalAppenderBuilder setIncludeMarkers(boolean includeMarkers) {
        this.includeMarkers = includeMarkers;
        return this;
    }

    /** {@code STACK_TRACE}; {@code EXCEPTION_TYPE} and {@code EXCEPTION_MESSAGE} are always written. */
    public JournalAppenderBuilder setIncludeStackTrace(boolean includeStackTrace) {
        this.includeStackTrace = includeStackTrace;
        return this;
    }

    /** Entries larger than this many bytes are dropped and reported (default 64 MiB). */
    public JournalAppenderBuilder setMaxEntrySize(int maxEntrySize) {
        this.maxEntrySize = maxEntrySize;
        return this;
    }

    /** {@code NAME=value} fields written on every entry. */
    public JournalAppenderBuilder setStaticFields(KeyValuePair... staticFields) {
        this.staticFields = staticFields == null ? KeyValuePair.EMPTY_ARRAY : staticFields.clone();
        return this;
    }
}
