package io.journald4j.agent.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Logs through a woven Logback in a class loader of its own (see {@link WeavingClassLoader}): plain events,
 * an event whose appender throws out of {@code callAppenders}, and an appender that logs itself.
 */
public final class LogbackScenario implements Runnable {

    @Override
    public void run() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("scenario");
        logger.info("first");
        Logger nesting = context.getLogger("nesting");
        nesting.setAdditive(false);
        nesting.addAppender(new LoggingAppender(context.getLogger("nested")));
        nesting.info("outer");
        Logger failing = context.getLogger("failing");
        failing.setAdditive(false);
        failing.addAppender(new ThrowingAppender());
        try {
            failing.info("failing");
        } catch (IllegalStateException expected) {
            // The appender's exception leaves callAppenders: the bridge must still be left.
        }
        logger.info("after failure");
    }

    /** Throws out of {@code doAppend}, bypassing {@code AppenderBase}'s own guard. */
    private static final class ThrowingAppender extends AppenderBase<ILoggingEvent> {
        @Override
        public void doAppend(ILoggingEvent event) {
            throw new IllegalStateException("appender failed");
        }

        @Override
        protected void append(ILoggingEvent event) {}
    }

    /** Logs while appending, as a misbehaving appender (or the agent itself) might. */
    private static final class LoggingAppender extends AppenderBase<ILoggingEvent> {
        private final Logger nested;

        LoggingAppender(Logger nested) {
            this.nested = nested;
            start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            nested.info("nested");
        }
    }
}
