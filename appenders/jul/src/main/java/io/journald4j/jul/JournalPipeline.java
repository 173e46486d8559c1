package io.journald4j.jul;

import io.journald4j.entry.EntryBuffer;
import io.journald4j.entry.EntryBufferPool;
import io.journald4j.entry.StaticFields;
import io.journald4j.entry.SyslogFacility;
import io.journald4j.entry.SyslogIdentifier;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.status.StatusSink;
import io.journald4j.status.TroubleReporter;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.DropReason;
import io.journald4j.transport.SendPolicy;
import io.journald4j.transport.SenderConfig;
import io.journald4j.transport.SenderStatistics;
import java.nio.file.Paths;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * What a configured handler sends through: mapper, pooled buffers, the socket and the drop reporter.
 *
 * <p>Built only from a valid configuration, so the handler either has a whole pipeline or none (and then
 * drops every record). Safe for concurrent publishers; a record never throws out of {@link #publish}.
 */
final class JournalPipeline {

    private final LogRecordMapper mapper;
    private final EntryBufferPool buffers;
    private final TroubleReporter reporter;
    private final DatagramJournalSender sender;
    private final LongAdder failedRecords = new LongAdder();

    private JournalPipeline(
            LogRecordMapper mapper, EntryBufferPool buffers, TroubleReporter reporter, DatagramJournalSender sender) {
        this.mapper = mapper;
        this.buffers = buffers;
        this.reporter = reporter;
        this.sender = sender;
    }

    /**
     * Validates {@code settings} and connects (an absent journal is reported, not fatal).
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    static JournalPipeline open(JournaldHandlerBuilder settings, StatusSink sink) {
        if (settings.socketPath == null) {
            throw new IllegalArgumentException("socketPath must not be empty");
        }
        SenderConfig config = SenderConfig.defaults()
                .withSocketPath(Paths.get(settings.socketPath))
                .withPolicy(SendPolicy.parse(settings.policy))
                .withBlockTimeout(settings.blockTimeout);
        if (settings.maxEntrySize < JournalEncoder.DEFAULT_INITIAL_CAPACITY) {
            throw new IllegalArgumentException("maxEntrySize must be at least "
                    + JournalEncoder.DEFAULT_INITIAL_CAPACITY + " bytes: " + settings.maxEntrySize);
        }
        LogRecordMapper mapper = new LogRecordMapper(
                settings.syslogIdentifier != null ? settings.syslogIdentifier : SyslogIdentifier.forThisApplication(),
                settings.syslogFacility != null ? SyslogFacility.parse(settings.syslogFacility) : -1,
                LevelPriorities.parse(settings.priorityMapping),
                settings.includeCallerData,
                settings.includeStackTrace,
                staticFields(settings));
        TroubleReporter reporter = new TroubleReporter(sink);
        return new JournalPipeline(
                mapper,
                EntryBufferPool.forMachine(settings.maxEntrySize),
                reporter,
                DatagramJournalSender.open(config, reporter));
    }

    void publish(LogRecord record, Formatter formatter) {
        EntryBuffer buffer = buffers.acquire();
        try {
            mapper.map(record, formatter, buffer);
            sender.send(buffer.encoder());
        } catch (RuntimeException | LinkageError e) {
            failedRecords.increment();
            reporter.onDropped(DropReason.IO_ERROR, e);
        } finally {
            buffers.release(buffer);
        }
    }

    /** Releases the socket and reports the drops not yet reported. */
    void close() {
        sender.close();
        reporter.flush();
    }

    long droppedCount() {
        return failedRecords.sum() + sender.statistics().dropped();
    }

    SenderStatistics statistics() {
        return sender.statistics();
    }

    private static StaticFields staticFields(JournaldHandlerBuilder settings) {
        StaticFields fields = new StaticFields();
        for (String pair : settings.staticFields) {
            fields.add(pair);
        }
        return fields;
    }
}
