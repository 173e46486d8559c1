package io.journald4j.jul;

import io.journald4j.testing.AdapterSettings;
import io.journald4j.testing.ContractEvent;
import io.journald4j.testing.ContractLogger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives {@link JournaldHandler} through java.util.logging loggers, as an application would.
 *
 * <p>Each named logger gets this test's handler only (no parent handlers, level ALL) and is held
 * strongly, since JUL keeps loggers weakly; {@link #close()} detaches and restores it. Status messages
 * are what the handler reported to its ErrorManager.
 */
final class JulContractLogger implements ContractLogger {

    private final CollectingErrorManager errors = new CollectingErrorManager();
    private final JournaldHandler handler;
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    JulContractLogger(AdapterSettings settings) {
        JournaldHandlerBuilder builder = JournaldHandler.builder()
                .errorManager(errors)
                .socketPath(settings.socketPath.toString())
                .syslogIdentifier(settings.syslogIdentifier)
                .policy(settings.policy)
                .blockTimeout(Duration.ofMillis(settings.blockTimeoutMillis))
                .includeCallerData(settings.callerData)
                .maxEntrySize(settings.maxEntrySize);
        settings.staticFields.forEach(builder::staticField);
        handler = builder.build();
    }

    @Override
    public void log(String loggerName, ContractEvent event) {
        Logger logger = loggers.computeIfAbsent(loggerName, this::attach);
        logger.log(levelOf(event.level), event.message, event.throwable);
    }

    private Logger attach(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        return logger;
    }

    private static Level levelOf(ContractEvent.Level level) {
        switch (level) {
            case ERROR:
                return Level.SEVERE;
            case WARN:
                return Level.WARNING;
            case INFO:
                return Level.INFO;
            default:
                return Level.FINE;
        }
    }

    @Override
    public boolean isStarted() {
        return handler.isStarted();
    }

    @Override
    public long droppedCount() {
        return handler.getDroppedCount();
    }

    @Override
    public List<String> statusMessages() {
        return errors.messages;
    }

    @Override
    public void close() {
        for (Logger logger : loggers.values()) {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
            logger.setLevel(null);
        }
        loggers.clear();
        handler.close();
    }
}
