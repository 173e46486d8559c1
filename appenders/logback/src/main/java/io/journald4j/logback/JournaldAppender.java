package io.journald4j.logback;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.util.Duration;
import io.journald4j.entry.EntryBuffer;
import io.journald4j.entry.EntryBufferPool;
import io.journald4j.entry.PriorityMapping;
import io.journald4j.entry.StaticFields;
import io.journald4j.entry.SyslogFacility;
import io.journald4j.entry.SyslogIdentifier;
import io.journald4j.entry.UserFields;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.Priority;
import io.journald4j.status.TroubleReporter;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.DropReason;
import io.journald4j.transport.SendPolicy;
import io.journald4j.transport.SenderConfig;
import io.journald4j.transport.SenderStatistics;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends every Logback event to systemd-journald as one structured entry, in journald's native protocol.
 *
 * <pre>{@code
 * <appender name="JOURNAL" class="io.journald4j.logback.JournaldAppender">
 *   <syslogIdentifier>orders</syslogIdentifier>
 * </appender>
 * }</pre>
 *
 * <p>Unsynchronized: logging threads encode in parallel into pooled buffers and write datagrams to
 * one shared socket. Configuration errors are reported on Logback's status channel and leave the
 * appender stopped; delivery trouble is counted ({@link #getDroppedCount()}) and reported there too,
 * rate-limited. Nothing is ever thrown into the application. Every property is in README's table.
 */
public class JournaldAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final Map<String, Priority> DEFAULT_PRIORITIES = defaultPriorities();

    private String syslogIdentifier;
    private String syslogFacility;
    private String socketPath = SenderConfig.DEFAULT_SOCKET.toString();
    private String policy = "block";
    private Duration blockTimeout = Duration.buildBySeconds(5);
    private Layout<ILoggingEvent> layout;
    private String pattern;
    private String priorityMapping;
    private final List<String> staticFields = new ArrayList<>();
    private int maxEntrySize = JournalEncoder.DEFAULT_MAX_ENTRY_SIZE;
    private final LogbackEventMapper.FieldGroups groups = new LogbackEventMapper.FieldGroups();

    private DatagramJournalSender sender;
    private TroubleReporter reporter;
    private EntryBufferPool buffers;
    private LogbackEventMapper mapper;
    private final LongAdder failedEvents = new LongAdder();

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        try {
            SenderConfig config = SenderConfig.defaults()
                    .withSocketPath(Paths.get(socketPath))
                    .withPolicy(SendPolicy.parse(policy))
                    .withBlockTimeout(java.time.Duration.ofMillis(blockTimeout.getMilliseconds()));
            mapper = new LogbackEventMapper(
                    messageLayout(),
                    syslogIdentifier != null ? syslogIdentifier : SyslogIdentifier.forThisApplication(),
                    syslogFacility != null ? SyslogFacility.parse(syslogFacility) : -1,
                    PriorityMapping.parse(DEFAULT_PRIORITIES, priorityMapping),
                    groups,
                    new UserFields(),
                    staticFields());
            buffers = EntryBufferPool.forMachine(maxEntrySize);
            reporter = new TroubleReporter(new LogbackStatusSink(this));
            sender = DatagramJournalSender.open(config, reporter);
        } catch (IllegalArgumentException e) {
            addError("journald4j appender '" + getName() + "' not started: " + e.getMessage(), e);
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        EntryBuffer buffer = buffers.acquire();
        try {
            mapper.map(event, buffer);
            sender.send(buffer.encoder());
        } catch (RuntimeException | LinkageError e) {
            failedEvents.increment();
            reporter.onDropped(DropReason.IO_ERROR, e);
        } finally {
            buffers.release(buffer);
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        sender.close();
        reporter.flush();
    }

    private Layout<ILoggingEvent> messageLayout() {
        if (layout != null) {
            return layout;
        }
        if (pattern == null) {
            return null;
        }
        PatternLayout patternLayout = new PatternLayout();
        patternLayout.setContext(getContext());
        patternLayout.setPattern(pattern);
        patternLayout.start();
        if (!patternLayout.isStarted()) {
            throw new IllegalArgumentException("pattern '" + pattern + "' could not be parsed");
        }
        return patternLayout;
    }

    private StaticFields staticFields() {
        StaticFields fields = new StaticFields();
        for (String pair : staticFields) {
            fields.add(pair);
        }
        return fields;
    }

    private static Map<String, Priority> defaultPriorities() {
        Map<String, Priority> priorities = new LinkedHashMap<>();
        priorities.put("ERROR", Priority.ERR);
        priorities.put("WARN", Priority.WARNING);
        priorities.put("INFO", Priority.INFO);
        priorities.put("DEBUG", Priority.DEBUG);
        priorities.put("TRACE", Priority.DEBUG);
        return priorities;
    }

    /** Entries dropped since start, whatever the reason: the journal's and the appender's own. */
    public long getDroppedCount() {
        SenderStatistics statistics = getStatistics();
        return failedEvents.sum() + (statistics == null ? 0 : statistics.dropped());
    }

    /** The sender's counters, or null before the first start. */
    public SenderStatistics getStatistics() {
        return sender == null ? null : sender.statistics();
    }

    /** {@code SYSLOG_IDENTIFIER}; defaults to the jar's or main class's name. */
    public void setSyslogIdentifier(String syslogIdentifier) {
        this.syslogIdentifier = syslogIdentifier;
    }

    /** Optional {@code SYSLOG_FACILITY}: 0-23 or a name such as {@code local0}. */
    public void setSyslogFacility(String syslogFacility) {
        this.syslogFacility = syslogFacility;
    }

    /** The journal's socket; a journald namespace or a journald4j collector socket also works. */
    public void setSocketPath(String socketPath) {
        this.socketPath = socketPath;
    }

    /** {@code block} (default) or {@code drop}. */
    public void setPolicy(String policy) {
        this.policy = policy;
    }

    /** How long a {@code block} caller may wait for the journal. */
    public void setBlockTimeout(Duration blockTimeout) {
        this.blockTimeout = blockTimeout;
    }

    /** A layout for {@code MESSAGE}; without one, the formatted message. */
    public void setLayout(Layout<ILoggingEvent> layout) {
        this.layout = layout;
    }

    /** Shorthand for a {@link PatternLayout} with this pattern. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** Overrides of the level-to-priority mapping, e.g. {@code WARN=notice,DEBUG=6}. */
    public void setPriorityMapping(String priorityMapping) {
        this.priorityMapping = priorityMapping;
    }

    /** A {@code NAME=value} field written on every entry; repeatable. */
    public void addStaticField(String staticField) {
        this.staticFields.add(staticField);
    }

    /** Entries larger than this many bytes are dropped and reported (default 64 MiB). */
    public void setMaxEntrySize(int maxEntrySize) {
        this.maxEntrySize = maxEntrySize;
    }

    public void setIncludeCallerData(boolean includeCallerData) {
        groups.callerData = includeCallerData;
    }

    public void setIncludeMdc(boolean includeMdc) {
        groups.mdc = includeMdc;
    }

    public void setIncludeKeyValues(boolean includeKeyValues) {
        groups.keyValues = includeKeyValues;
    }

    public void setIncludeMarkers(boolean includeMarkers) {
        groups.markers = includeMarkers;
    }

    public void setIncludeStackTrace(boolean includeStackTrace) {
        groups.stackTrace = includeStackTrace;
    }
}
