package io.journald4j.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Layout;
import io.journald4j.entry.EntryBuffer;
import io.journald4j.entry.PriorityMapping;
import io.journald4j.entry.StaticFields;
import io.journald4j.entry.ThrowableRenderer;
import io.journald4j.entry.UserFields;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.JournalField;
import io.journald4j.protocol.Priority;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Maps one Logback event onto the journal fields of the field contract (see README's field table).
 *
 * <p>Immutable after construction and shared by all logging threads; the per-event state lives in the
 * {@link EntryBuffer} it writes into.
 */
final class LogbackEventMapper {

    /** Markers nest; a reference cycle must not hang the logging thread. */
    private static final int MAX_MARKER_DEPTH = 8;

    private final Layout<ILoggingEvent> layout;
    private final String syslogIdentifier;
    private final int syslogFacility;
    private final Priority error;
    private final Priority warn;
    private final Priority info;
    private final Priority debug;
    private final Priority trace;
    private final FieldGroups groups;
    private final UserFields userFields;
    private final StaticFields staticFields;

    /** Which optional field groups an entry carries. */
    static final class FieldGroups {
        boolean callerData;
        boolean mdc = true;
        boolean keyValues = true;
        boolean markers = true;
        boolean stackTrace = true;
    }

    LogbackEventMapper(
            Layout<ILoggingEvent> layout,
            String syslogIdentifier,
            int syslogFacility,
            PriorityMapping priorities,
            FieldGroups groups,
            UserFields userFields,
            StaticFields staticFields) {
        this.layout = layout;
        this.syslogIdentifier = syslogIdentifier;
        this.syslogFacility = syslogFacility;
        this.error = priorities.priorityOf("ERROR", Priority.ERR);
        this.warn = priorities.priorityOf("WARN", Priority.WARNING);
        this.info = priorities.priorityOf("INFO", Priority.INFO);
        this.debug = priorities.priorityOf("DEBUG", Priority.DEBUG);
        this.trace = priorities.priorityOf("TRACE", Priority.DEBUG);
        this.groups = groups;
        this.userFields = userFields;
        this.staticFields = staticFields;
    }

    void map(ILoggingEvent event, EntryBuffer buffer) {
        JournalEncoder encoder = buffer.encoder();
        encoder.field(JournalField.MESSAGE, layout != null ? layout.doLayout(event) : event.getFormattedMessage());
        encoder.priority(priorityOf(event.getLevel()));
        encoder.field(JournalField.SYSLOG_IDENTIFIER, syslogIdentifier);
        if (syslogFacility >= 0) {
            encoder.field(JournalField.SYSLOG_FACILITY, syslogFacility);
        }
        encoder.field(JournalField.LOGGER_NAME, event.getLoggerName());
        encoder.field(JournalField.THREAD_NAME, event.getThreadName());
        encoder.field(JournalField.EVENT_TIME_USEC, microsSinceEpoch(event));
        if (groups.callerData) {
            writeCallerData(event, buffer);
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            writeThrowable(throwable, buffer);
        }
        if (groups.markers) {
            writeMarkers(event.getMarkerList(), encoder);
        }
        if (groups.mdc) {
            event.getMDCPropertyMap().forEach(buffer.userFieldWriter(userFields));
        }
        if (groups.keyValues) {
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (int i = 0; i < pairs.size(); i++) {
                    userFields.write(encoder, pairs.get(i).key, pairs.get(i).value);
                }
            }
        }
        staticFields.writeTo(encoder);
    }

    private Priority priorityOf(Level level) {
        switch (level.levelInt) {
            case Level.ERROR_INT:
                return error;
            case Level.WARN_INT:
                return warn;
            case Level.INFO_INT:
                return info;
            case Level.DEBUG_INT:
                return debug;
            default:
                return trace;
        }
    }

    private static long microsSinceEpoch(ILoggingEvent event) {
        Instant instant = event.getInstant();
        if (instant == null) {
            return event.getTimeStamp() * 1000;
        }
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private static void writeCallerData(ILoggingEvent event, EntryBuffer buffer) {
        StackTraceElement[] callerData = event.getCallerData();
        if (callerData == null || callerData.length == 0) {
            return;
        }
        StackTraceElement caller = callerData[0];
        JournalEncoder encoder = buffer.encoder();
        if (caller.getFileName() != null) {
            encoder.field(JournalField.CODE_FILE, caller.getFileName());
        }
        if (caller.getLineNumber() >= 0) {
            encoder.field(JournalField.CODE_LINE, caller.getLineNumber());
        }
        encoder.field(
                JournalField.CODE_FUNC,
                buffer.text().append(caller.getClassName()).append('.').append(caller.getMethodName()));
    }

    private void writeThrowable(IThrowableProxy proxy, EntryBuffer buffer) {
        JournalEncoder encoder = buffer.encoder();
        encoder.field(JournalField.EXCEPTION_TYPE, proxy.getClassName());
        if (proxy.getMessage() != null) {
            encoder.field(JournalField.EXCEPTION_MESSAGE, proxy.getMessage());
        }
        if (!groups.stackTrace) {
            return;
        }
        if (proxy instanceof ThrowableProxy && ((ThrowableProxy) proxy).getThrowable() != null) {
            encoder.field(
                    JournalField.STACK_TRACE,
                    ThrowableRenderer.render(((ThrowableProxy) proxy).getThrowable(), buffer.text()));
        } else {
            // A deserialized event carries only the proxy: Logback's own rendering is all there is.
            encoder.field(JournalField.STACK_TRACE, ThrowableProxyUtil.asString(proxy));
        }
    }

    private static void writeMarkers(List<Marker> markers, JournalEncoder encoder) {
        if (markers == null) {
            return;
        }
        for (int i = 0; i < markers.size(); i++) {
            writeMarker(markers.get(i), encoder, 0);
        }
    }

    @SuppressWarnings(
            "deprecation") // SLF4J 2 deprecates hasReferences/iterator but offers no other way to walk references
    private static void writeMarker(Marker marker, JournalEncoder encoder, int depth) {
        encoder.field(JournalField.MARKER, marker.getName());
        if (depth < MAX_MARKER_DEPTH && marker.hasReferences()) {
            for (Iterator<Marker> references = marker.iterator(); references.hasNext(); ) {
                writeMarker(references.next(), encoder, depth + 1);
            }
        }
    }
}
