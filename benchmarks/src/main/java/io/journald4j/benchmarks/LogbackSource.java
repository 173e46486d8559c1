package io.journald4j.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * An application logging the typical event through Logback, into whatever appender the variant is
 * about: a private {@link LoggerContext} per source, so that no configuration file leaks in.
 */
final class LogbackSource implements EventSource {

    private final LoggerContext context;
    private final Logger logger;
    private final LongSupplier droppedCount;
    /** Every event gets its own order number, warm-up included, as in a real application. */
    private long nextOrderNumber;

    LogbackSource(Appender<ILoggingEvent> appender, LongSupplier droppedCount, long events) {
        this.nextOrderNumber = TypicalEvent.reserveOrderNumbers(events);
        this.context = new LoggerContext();
        this.context.setMDCAdapter(new LogbackMDCAdapter());
        this.context.start();
        appender.setContext(context);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("appender " + appender.getName() + " did not start: "
                    + context.getStatusManager().getCopyOfStatusList());
        }
        this.logger = context.getLogger(TypicalEvent.LOGGER_NAME);
        this.logger.setAdditive(false);
        this.logger.setLevel(Level.INFO);
        this.logger.addAppender(appender);
        this.droppedCount = droppedCount;
    }

    /** Sets the MDC on the calling thread, the one that will log. */
    LogbackSource withMdcOnThisThread() {
        for (Map.Entry<String, String> entry : TypicalEvent.MDC.entrySet()) {
            context.getMDCAdapter().put(entry.getKey(), entry.getValue());
        }
        return this;
    }

    @Override
    public void emit() {
        logger.info(TypicalEvent.MESSAGE_PATTERN, nextOrderNumber++);
    }

    @Override
    public long dropped() {
        return droppedCount.getAsLong();
    }

    @Override
    public void close() {
        context.getMDCAdapter().clear();
        context.stop();
    }
}
