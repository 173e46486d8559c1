package io.journald4j.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.journald4j.testing.AdapterSettings;
import io.journald4j.testing.ContractEvent;
import io.journald4j.testing.ContractLogger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** Drives {@link JournaldAppender} through a private Logback {@link LoggerContext}, as an application would. */
final class LogbackContractLogger implements ContractLogger {

    private final LoggerContext context = new LoggerContext();
    private final JournaldAppender appender = new JournaldAppender();
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    private final BasicMarkerFactory markers = new BasicMarkerFactory();

    LogbackContractLogger(AdapterSettings settings) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.getStatusManager().add(status -> {
            if (status.getLevel() >= Status.WARN) {
                statuses.add(status.getMessage() + (status.getThrowable() == null ? "" : ": " + status.getThrowable()));
            }
        });
        appender.setContext(context);
        appender.setName("JOURNAL");
        appender.setSocketPath(settings.socketPath.toString());
        appender.setSyslogIdentifier(settings.syslogIdentifier);
        appender.setPolicy(settings.policy);
        appender.setBlockTimeout(ch.qos.logback.core.util.Duration.buildByMilliseconds(settings.blockTimeoutMillis));
        settings.staticFields.forEach(appender::addStaticField);
        appender.setIncludeCallerData(settings.callerData);
        appender.setMaxEntrySize(settings.maxEntrySize);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        root.addAppender(appender);
    }

    @Override
    public void log(String loggerName, ContractEvent event) {
        for (Map.Entry<String, String> entry : event.context.entrySet()) {
            context.getMDCAdapter().put(entry.getKey(), entry.getValue());
        }
        try {
            LoggingEventBuilder builder = context.getLogger(loggerName).atLevel(Level.valueOf(event.level.name()));
            builder.setMessage(event.message).setCause(event.throwable);
            event.keyValues.forEach(builder::addKeyValue);
            event.markers.forEach(name -> builder.addMarker(markers.getMarker(name)));
            builder.log();
        } finally {
            context.getMDCAdapter().clear();
        }
    }

    @Override
    public boolean isStarted() {
        return appender.isStarted();
    }

    @Override
    public long droppedCount() {
        return appender.getDroppedCount();
    }

    @Override
    public List<String> statusMessages() {
        return statuses;
    }

    @Override
    public void close() {
        context.stop();
    }
}
