package io.journald4j.benchmarks;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The CPU and allocation floor of any structured Log4j appender: Log4j builds the event and this
 * appender reads what every journal appender must read (the message, formatted garbage-free where
 * Log4j allows it, the ThreadContext, thread and logger name), then drops it. What a real appender
 * costs beyond this is the appender's own doing.
 */
final class MinimalLog4jAppender extends AbstractAppender {

    private final StringBuilder text = new StringBuilder(256);
    /** Keeps the JIT from discarding the reads. */
    private long checksum;

    MinimalLog4jAppender() {
        super("log4j-floor", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
        text.setLength(0);
        if (event.getMessage() instanceof StringBuilderFormattable formattable) {
            formattable.formatTo(text);
        } else {
            text.append(event.getMessage().getFormattedMessage());
        }
        checksum += text.length()
                + event.getContextData().size()
                + event.getThreadName().length()
                + event.getLoggerName().length();
    }
}
