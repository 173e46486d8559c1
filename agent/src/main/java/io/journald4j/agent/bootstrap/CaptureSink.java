package io.journald4j.agent.bootstrap;

/**
 * Receives the events the woven framework code hands to {@link JournalBridge}.
 *
 * <p>Declared in the bootstrap class loader so that the agent's class loader, the per-framework adapter
 * loaders and every instrumented class share this one type. Implementations must never throw and must
 * not log through any framework: they run inside the application's logging call.
 */
public interface CaptureSink {

    /**
     * Handles one event.
     *
     * @param framework {@link JournalBridge#LOGBACK}, {@link JournalBridge#LOG4J} or {@link JournalBridge#JUL}
     * @param source the dispatching object (JUL's {@code Logger}, Log4j's {@code LoggerConfigPredicate}) or null
     * @param event the framework's event object ({@code ILoggingEvent}, {@code LogEvent}, {@code LogRecord})
     */
    void capture(int framework, Object source, Object event);
}
