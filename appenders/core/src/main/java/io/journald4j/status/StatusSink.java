package io.journald4j.status;

/**
 * Where an adapter's own trouble goes: the framework's status channel (Logback's {@code addError},
 * Log4j's {@code StatusLogger}, JUL's {@code ErrorManager}), never the logger being served.
 */
public interface StatusSink {

    void warn(String message, Throwable cause);

    void error(String message, Throwable cause);

    void info(String message);
}
