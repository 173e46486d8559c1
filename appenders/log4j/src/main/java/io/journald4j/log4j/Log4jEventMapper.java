package io.journald4j.log4j;

import io.journald4j.entry.EntryBuffer;
import io.journald4j.entry.StaticFields;
import io.journald4j.entry.ThrowableRenderer;
import io.journald4j.entry.UserFields;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.JournalField;
import java.util.List;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Maps one Log4j event onto the journal fields of the field contract (see README's field table).
 *
 * <p>Immutable after construction and shared by all logging threads; the per-event state lives in the
 * {@link EntryBuffer} it writes into. The ThreadContext map and map messages are walked with
 * {@code forEach(TriConsumer, state)} and a consumer made once, so that, with Log4j's garbage-free
 * mode, mapping an event allocates nothing.
 */
final class Log4jEventMapper {

    /** Markers nest; a parent cycle must not hang the logging thread. */
    private static final int MAX_MARKER_DEPTH = 8;

    private final MessageText messageText;
    private final String syslogIdentifier;
    private final int syslogFacility;
    private final LevelPriorities priorities;
    private final FieldGroups groups;
    private final StaticFields staticFields;
    private final TriConsumer<String, Object, JournalEncoder> contextWriter;
    private final TriConsumer<String, Object, JournalEncoder> mapMessageWriter;

    /** Which optional field groups an entry carries. */
    static final class FieldGroups {
        boolean location;
        boolean threadContext = true;
        boolean threadContextStack = true;
        boolean mapMessage = true;
        boolean markers = true;
        boolean stackTrace = true;
    }

    Log4jEventMapper(
            MessageText messageText,
            String syslogIdentifier,
            int syslogFacility,
            LevelPriorities priorities,
            FieldGroups groups,
            UserFields userFields,
            StaticFields staticFields) {
        this.messageText = messageText;
        this.syslogIdentifier = syslogIdentifier;
        this.syslogFacility = syslogFacility;
        this.priorities = priorities;
        this.groups = groups;
        this.staticFields = staticFields;
        this.contextWriter = (key, value, encoder) -> userFields.write(encoder, key, value);
        this.mapMessageWriter = !messageText.takesTextFromMapMessages()
                ? contextWriter
                : (key, value, encoder) -> {
                    if (!MessageText.MAP_MESSAGE_TEXT_KEY.equals(key)) {
                        userFields.write(encoder, key, value);
                    }
                };
    }

    void map(LogEvent event, EntryBuffer buffer) {
        JournalEncoder encoder = buffer.encoder();
        messageText.write(event, buffer);
        encoder.priority(priorities.priorityOf(event.getLevel()));
        encoder.field(JournalField.SYSLOG_IDENTIFIER, syslogIdentifier);
        if (syslogFacility >= 0) {
            encoder.field(JournalField.SYSLOG_FACILITY, syslogFacility);
        }
        encoder.field(JournalField.LOGGER_NAME, event.getLoggerName());
        encoder.field(JournalField.THREAD_NAME, event.getThreadName());
        encoder.field(JournalField.EVENT_TIME_USEC, microsSinceEpoch(event.getInstant()));
        if (groups.location) {
            writeLocation(event.getSource(), buffer);
        }
        Throwable thrown = event.getThrown();
        if (thrown != null) {
            writeThrowable(thrown, buffer);
        }
        if (groups.markers && event.getMarker() != null) {
            writeMarker(event.getMarker(), encoder, 0);
        }
        if (groups.threadContext && event.getContextData() != null) {
            event.getContextData().forEach(contextWriter, encoder);
        }
        if (groups.threadContextStack) {
            writeStack(event.getContextStack(), encoder);
        }
        Message message = event.getMessage();
        if (groups.mapMessage && message instanceof MapMessage) {
            ((MapMessage<?, ?>) message).forEach(mapMessageWriter, encoder);
        }
        staticFields.writeTo(encoder);
    }

    private static long microsSinceEpoch(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNanoOfSecond() / 1000;
    }

    private static void writeLocation(StackTraceElement source, EntryBuffer buffer) {
        if (source == null) {
            return;
        }
        JournalEncoder encoder = buffer.encoder();
        if (source.getFileName() != null) {
            encoder.field(JournalField.CODE_FILE, source.getFileName());
        }
        if (source.getLineNumber() >= 0) {
            encoder.field(JournalField.CODE_LINE, source.getLineNumber());
        }
        encoder.field(
                JournalField.CODE_FUNC,
                buffer.text().append(source.getClassName()).append('.').append(source.getMethodName()));
    }

    private void writeThrowable(Throwable thrown, EntryBuffer buffer) {
        JournalEncoder encoder = buffer.encoder();
        encoder.field(JournalField.EXCEPTION_TYPE, thrown.getClass().getName());
        if (thrown.getMessage() != null) {
            encoder.field(JournalField.EXCEPTION_MESSAGE, thrown.getMessage());
        }
        if (groups.stackTrace) {
            encoder.field(JournalField.STACK_TRACE, ThrowableRenderer.render(thrown, buffer.text()));
        }
    }

    private static void writeMarker(Marker marker, JournalEncoder encoder, int depth) {
        encoder.field(JournalField.MARKER, marker.getName());
        if (depth < MAX_MARKER_DEPTH && marker.hasParents()) {
            for (Marker parent : marker.getParents()) {
                writeMarker(parent, encoder, depth + 1);
            }
        }
    }

    /** Outermost first; journald itself keeps no order among a field's values. */
    private static void writeStack(ThreadContext.ContextStack stack, JournalEncoder encoder) {
        if (stack == null || stack.getDepth() == 0) {
            return;
        }
        List<String> elements = stack.asList();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) != null) {
                encoder.field(JournalField.NDC, elements.get(i));
            }
        }
    }
}
