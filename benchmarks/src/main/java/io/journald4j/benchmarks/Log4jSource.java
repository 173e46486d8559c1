package io.journald4j.benchmarks;

import java.util.function.LongSupplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerConfig;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.NullConfiguration;

/**
 * An application logging the typical event through Log4j 2 into one appender, synchronously or behind
 * an {@code AsyncLogger}: a private {@link LoggerContext} per source, built in code, so that neither a
 * configuration file nor plugin lookup (benchmarks.jar holds only log4j-core's plugin descriptor) is involved.
 */
final class Log4jSource implements EventSource {

    private final LoggerContext context;
    private final Logger logger;
    private final LongSupplier droppedCount;
    /** Every event gets its own order number, warm-up included, as in a real application. */
    private long nextOrderNumber;

    Log4jSource(String name, Appender appender, boolean async, LongSupplier droppedCount, long events) {
        this.nextOrderNumber = TypicalEvent.reserveOrderNumbers(events);
        this.droppedCount = droppedCount;
        NullConfiguration config = new NullConfiguration();
        config.addAppender(appender);
        LoggerConfig loggerConfig = async
                ? AsyncLoggerConfig.newAsyncBuilder()
                        .setConfig(config)
                        .setLoggerName(TypicalEvent.LOGGER_NAME)
                        .setLevel(Level.INFO)
                        .setAdditivity(false)
                        .setIncludeLocation("false")
                        .build()
                : LoggerConfig.newBuilder()
                        .setConfig(config)
                        .setLoggerName(TypicalEvent.LOGGER_NAME)
                        .setLevel(Level.INFO)
                        .setAdditivity(false)
                        .setIncludeLocation("false")
                        .build();
        loggerConfig.addAppender(appender, null, null);
        config.addLogger(TypicalEvent.LOGGER_NAME, loggerConfig);
        this.context = new LoggerContext(name);
        this.context.start(config);
        if (!appender.isStarted()) {
            throw new IllegalStateException("appender " + appender.getName() + " did not start");
        }
        this.logger = context.getLogger(TypicalEvent.LOGGER_NAME);
    }

    /** Sets the ThreadContext map on the calling thread, the one that will log. */
    Log4jSource withThreadContextOnThisThread() {
        ThreadContext.putAll(TypicalEvent.MDC);
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

    /** Stops the context; an AsyncLogger drains its queue into the appender first. */
    @Override
    public void close() {
        ThreadContext.clearMap();
        context.stop();
    }
}
