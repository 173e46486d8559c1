package io.journald4j.log4j;

import io.journald4j.status.StatusSink;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reports journald4j's own trouble on Log4j's {@link StatusLogger} (visible with
 * {@code <Configuration status="warn">} or a StatusListener), never through a Logger it serves.
 *
 * <p>Every message is prefixed with the owner's name, because one manager (and so one status line)
 * may serve appenders of several configurations in turn.
 */
final class Log4jStatusSink implements StatusSink {

    private static final StatusLogger STATUS = StatusLogger.getLogger();

    private final String owner;

    Log4jStatusSink(String owner) {
        this.owner = owner;
    }

    @Override
    public void warn(String message, Throwable cause) {
        STATUS.warn("{}: {}", owner, message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        STATUS.error("{}: {}", owner, message, cause);
    }

    @Override
    public void info(String message) {
        STATUS.info("{}: {}", owner, message);
    }
}
