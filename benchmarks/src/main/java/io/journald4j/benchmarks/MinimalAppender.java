package io.journald4j.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * The allocation and CPU floor of any structured appender: Logback builds the event and this appender
 * reads what every journal appender must read (formatted message, MDC, thread name), then drops it.
 * What a real appender costs beyond this is the appender's own doing.
 */
final class MinimalAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** Keeps the JIT from discarding the reads. */
    private long checksum;

    @Override
    protected void append(ILoggingEvent event) {
        checksum += event.getFormattedMessage().length()
                + event.getMDCPropertyMap().size()
                + event.getThreadName().length()
                + event.getLoggerName().length();
    }
}
