package io.journald4j.jul;

import io.journald4j.transport.SenderStatistics;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Sends every java.util.logging record to systemd-journald as one structured entry, in journald's
 * native protocol.
 *
 * <pre>
 * handlers=io.journald4j.jul.JournaldHandler
 * io.journald4j.jul.JournaldHandler.syslogIdentifier=orders
 * </pre>
 *
 * <p>Keys, each prefixed with the handler's class name and a dot (defaults in brackets):
 * <ul>
 *   <li>{@code level} [ALL], {@code filter} [none], {@code formatter} [none: {@code MESSAGE} is the
 *       message with its parameters and resource bundle applied; with one, its output without the line
 *       separator], {@code errorManager} [JDK's: prints only the first report] as class names;
 *   <li>{@code syslogIdentifier} [jar or main class name], {@code syslogFacility} [none; 0-23 or a name];
 *   <li>{@code socketPath} [/run/systemd/journal/socket], {@code policy} [block | drop],
 *       {@code blockTimeout} [5s; {@code 500} or {@code 500ms}, {@code 5s}, {@code 1m}];
 *   <li>{@code priorityMapping} [SEVERE=3,WARNING=4,INFO=6,CONFIG=6,FINE=7,FINER=7,FINEST=7; override
 *       any, numbers or syslog names], {@code staticFields} [none; {@code NAME=value,NAME=value}];
 *   <li>{@code includeCallerData} [false], {@code includeStackTrace} [true], {@code maxEntrySize} [67108864].
 * </ul>
 *
 * <p>{@link #builder()} configures the same settings in code. Safe for concurrent publishers: records are
 * encoded in parallel into pooled buffers and written to one shared socket, on the logging thread. Invalid
 * configuration is reported to the {@link ErrorManager} and leaves a handler that drops (and counts) every
 * record; delivery trouble is counted ({@link #getDroppedCount()}) and reported there too, rate-limited.
 * Nothing is thrown into the application, not even from the constructor {@code LogManager} calls.
 */
public class JournaldHandler extends Handler {

    private final LongAdder inertDrops = new LongAdder();
    private volatile JournalPipeline pipeline;
    private volatile boolean closed;

    /** Configured from the {@code LogManager}'s properties under this class's name. */
    public JournaldHandler() {
        configure(LogManagerProperties.read(getClass().getName()));
    }

    JournaldHandler(JournaldHandlerBuilder settings) {
        configure(settings);
    }

    /** Settings for a handler made in code. */
    public static JournaldHandlerBuilder builder() {
        return new JournaldHandlerBuilder();
    }

    private void configure(JournaldHandlerBuilder settings) {
        try {
            if (settings.errorManager != null) {
                setErrorManager(settings.errorManager);
            }
            if (settings.invalid != null) {
                notStarted(settings.invalid, settings.invalidCause);
                return;
            }
            setLevel(settings.level);
            setFilter(settings.filter);
            if (settings.formatter != null) {
                setFormatter(settings.formatter);
            }
            pipeline = JournalPipeline.open(settings, new ErrorManagerStatusSink(this));
        } catch (IllegalArgumentException e) {
            notStarted(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            notStarted(String.valueOf(e), e);
        }
    }

    private void notStarted(String why, Throwable cause) {
        report(
                "journald4j handler " + getClass().getName() + " not started, it drops every record: " + why,
                cause,
                ErrorManager.OPEN_FAILURE);
    }

    @Override
    public void publish(LogRecord record) {
        try {
            if (!isLoggable(record)) {
                return;
            }
            JournalPipeline current = pipeline;
            if (current == null || closed) {
                inertDrops.increment();
                return;
            }
            current.publish(record, getFormatter());
        } catch (RuntimeException | LinkageError e) {
            inertDrops.increment();
            report("journald4j handler could not publish a record: " + e, e, ErrorManager.WRITE_FAILURE);
        }
    }

    /** Nothing to do: each record is sent by {@link #publish} before it returns. */
    @Override
    public void flush() {}

    /** Releases the journal socket and reports drops not yet reported; later records are dropped and counted. */
    @Override
    public void close() {
        JournalPipeline current = pipeline;
        if (current == null || closed) {
            return;
        }
        closed = true;
        try {
            current.close();
        } catch (RuntimeException | LinkageError e) {
            report("journald4j handler could not close: " + e, e, ErrorManager.CLOSE_FAILURE);
        }
    }

    /** Whether the configuration was valid and the handler is not closed: records go to the journal. */
    public boolean isStarted() {
        return pipeline != null && !closed;
    }

    /**
     * Records dropped since construction, whatever the reason: the journal's (unavailable, full, too large),
     * the handler's own, and those published while the configuration was invalid or after {@link #close()}.
     */
    public long getDroppedCount() {
        JournalPipeline current = pipeline;
        return inertDrops.sum() + (current == null ? 0 : current.droppedCount());
    }

    /** The sender's counters, or null when the configuration was invalid. */
    public SenderStatistics getStatistics() {
        JournalPipeline current = pipeline;
        return current == null ? null : current.statistics();
    }

    /** Reports to the current {@link ErrorManager}, which takes only {@link Exception}s. */
    void report(String message, Throwable cause, int code) {
        Exception exception = cause == null || cause instanceof Exception ? (Exception) cause : new Exception(cause);
        reportError(message, exception, code);
    }
}
