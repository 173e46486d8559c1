package io.journald4j.jul;

import io.journald4j.status.StatusSink;
import java.util.logging.ErrorManager;

/**
 * Reports journald4j's own trouble to the handler's {@link ErrorManager}, JUL's status channel.
 *
 * <p>Warnings (the journal not reachable yet, a socket that failed to close) go as
 * {@link ErrorManager#GENERIC_FAILURE}, dropped entries as {@link ErrorManager#WRITE_FAILURE}. JUL has no
 * channel for good news, so informational messages ("reconnected") are not reported: the JDK's default
 * ErrorManager prints only the first report it gets, and that one should be a problem.
 */
final class ErrorManagerStatusSink implements StatusSink {

    private final JournaldHandler handler;

    ErrorManagerStatusSink(JournaldHandler handler) {
        this.handler = handler;
    }

    @Override
    public void warn(String message, Throwable cause) {
        handler.report(message, cause, ErrorManager.GENERIC_FAILURE);
    }

    @Override
    public void error(String message, Throwable cause) {
        handler.report(message, cause, ErrorManager.WRITE_FAILURE);
    }

    @Override
    public void info(String message) {
        // Not a failure; see the class comment.
    }
}
