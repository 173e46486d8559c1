package io.journald4j.agent.internal;

import io.journald4j.agent.bootstrap.CaptureSink;
import io.journald4j.jul.JournaldHandler;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends captured JUL records through an agent-owned, unregistered {@link JournaldHandler}: the same
 * mapping as the handler a user would configure, and no change to any logger's handlers.
 *
 * <p>JUL is a JDK module, visible to the agent's own loader, so no adapter loader is needed. Made at the
 * first record, when the application has already initialised the {@code LogManager}.
 */
final class JulSink implements CaptureSink {

    private final JournaldHandler handler;
    private final int threshold;

    JulSink(AgentSettings settings) {
        this.threshold = thresholdOf(settings.level()).intValue();
        this.handler = JournaldHandler.builder()
                .socketPath(settings.socketPath())
                .syslogIdentifier(settings.syslogIdentifier())
                .policy(settings.policy())
                .includeCallerData(settings.hasField("callerData"))
                .errorManager(new DiagnosticsErrorManager())
                .build();
    }

    @Override
    public void capture(int framework, Object source, Object event) {
        LogRecord record = (LogRecord) event;
        Level level = record.getLevel();
        if (level.intValue() >= threshold && ((Logger) source).isLoggable(level)) {
            handler.publish(record);
        }
    }

    /** TRACE is everything; INFO includes CONFIG, which the field contract maps to the INFO priority. */
    static Level thresholdOf(String level) {
        switch (level) {
            case "DEBUG":
                return Level.FINE;
            case "INFO":
                return Level.CONFIG;
            case "WARN":
                return Level.WARNING;
            case "ERROR":
                return Level.SEVERE;
            default:
                return Level.ALL;
        }
    }

    /** The handler's trouble, as one stderr line; the JDK's own manager would print a stack trace. */
    private static final class DiagnosticsErrorManager extends ErrorManager {
        @Override
        public void error(String message, Exception cause, int code) {
            Diagnostics.reportOnce("jul", "java.util.logging capture: " + message);
        }
    }
}
