package io.journald4j.jul;

import io.journald4j.entry.EntryBuffer;
import io.journald4j.entry.StaticFields;
import io.journald4j.entry.ThrowableRenderer;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.JournalField;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Maps one {@link LogRecord} onto the journal fields of the field contract, with the same names and
 * values as the Logback appender (see README's field table).
 *
 * <p>Immutable and shared by all logging threads; the per-record state lives in the {@link EntryBuffer}
 * it writes into. JUL has no MDC, key-values or markers, so those fields never appear.
 */
final class LogRecordMapper {

    private final String syslogIdentifier;
    private final int syslogFacility;
    private final LevelPriorities priorities;
    private final boolean callerData;
    private final boolean stackTrace;
    private final StaticFields staticFields;

    LogRecordMapper(
            String syslogIdentifier,
            int syslogFacility,
            LevelPriorities priorities,
            boolean callerData,
            boolean stackTrace,
            StaticFields staticFields) {
        this.syslogIdentifier = syslogIdentifier;
        this.syslogFacility = syslogFacility;
        this.priorities = priorities;
        this.callerData = callerData;
        this.stackTrace = stackTrace;
        this.staticFields = staticFields;
    }

    /** Writes {@code record}'s entry; {@code formatter}, when not null, makes {@code MESSAGE}. */
    void map(LogRecord record, Formatter formatter, EntryBuffer buffer) {
        JournalEncoder encoder = buffer.encoder();
        encoder.field(JournalField.MESSAGE, MessageText.of(record, formatter));
        encoder.priority(priorities.of(record.getLevel()));
        encoder.field(JournalField.SYSLOG_IDENTIFIER, syslogIdentifier);
        if (syslogFacility >= 0) {
            encoder.field(JournalField.SYSLOG_FACILITY, syslogFacility);
        }
        if (record.getLoggerName() != null) {
            encoder.field(JournalField.LOGGER_NAME, record.getLoggerName());
        }
        boolean onLoggingThread = LoggingThread.isCurrent(record);
        if (onLoggingThread) {
            encoder.field(JournalField.THREAD_NAME, Thread.currentThread().getName());
        }
        encoder.field(JournalField.EVENT_TIME_USEC, microsSinceEpoch(record.getInstant()));
        if (callerData) {
            CallerData.write(record, onLoggingThread, buffer);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            writeThrowable(thrown, buffer);
        }
        staticFields.writeTo(encoder);
    }

    private static long microsSinceEpoch(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private void writeThrowable(Throwable thrown, EntryBuffer buffer) {
        JournalEncoder encoder = buffer.encoder();
        encoder.field(JournalField.EXCEPTION_TYPE, thrown.getClass().getName());
        if (thrown.getMessage() != null) {
            encoder.field(JournalField.EXCEPTION_MESSAGE, thrown.getMessage());
        }
        if (stackTrace) {
            encoder.field(JournalField.STACK_TRACE, ThrowableRenderer.render(thrown, buffer.text()));
        }
    }
}
