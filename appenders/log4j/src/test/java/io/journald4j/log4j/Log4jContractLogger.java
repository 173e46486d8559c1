package io.journald4j.log4j;

import io.journald4j.log4j.support.StatusCollector;
import io.journald4j.testing.AdapterSettings;
import io.journald4j.testing.ContractEvent;
import io.journald4j.testing.ContractLogger;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.message.MapMessage;

/**
 * Drives {@link JournalAppender} through a private Log4j {@link LoggerContext}, configured as a user's
 * {@code <Journald>} element would be (through the plugin builder), one context per test.
 *
 * <p>Mapping of the neutral event: context entries go to the ThreadContext map; key-values make the
 * message a {@link MapMessage} whose {@code message} entry is the text (the appender's rule for map
 * messages); several markers become one marker with the others as parents, built outside
 * {@link MarkerManager}'s global registry so that tests do not leak marker parents into each other.
 */
final class Log4jContractLogger implements ContractLogger {

    private static final String APPENDER = "JOURNAL";

    private final StatusCollector status = StatusCollector.open();
    private final LoggerContext context;

    Log4jContractLogger(AdapterSettings settings) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("contract-" + settings.syslogIdentifier);
        AppenderComponentBuilder journal = builder.newAppender(APPENDER, "Journald")
                .addAttribute("socketPath", settings.socketPath.toString())
                .addAttribute("syslogIdentifier", settings.syslogIdentifier)
                .addAttribute("policy", settings.policy)
                .addAttribute("blockTimeoutMillis", settings.blockTimeoutMillis)
                .addAttribute("includeLocation", settings.callerData)
                .addAttribute("maxEntrySize", settings.maxEntrySize);
        for (String pair : settings.staticFields) {
            int equals = pair.indexOf('=');
            journal.addComponent(builder.newKeyValuePair(
                    equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1)));
        }
        builder.add(journal);
        builder.add(builder.newRootLogger(Level.ALL).add(builder.newAppenderRef(APPENDER)));
        context = new LoggerContext("contract-" + settings.syslogIdentifier);
        context.start(builder.build(false));
    }

    @Override
    public void log(String loggerName, ContractEvent event) {
        ThreadContext.putAll(event.context);
        try {
            Logger logger = context.getLogger(loggerName);
            Level level = Level.valueOf(event.level.name());
            if (event.keyValues.isEmpty()) {
                logger.log(level, marker(event.markers), event.message, event.throwable);
            } else {
                logger.log(level, marker(event.markers), mapMessage(event), event.throwable);
            }
        } finally {
            ThreadContext.clearMap();
        }
    }

    private static MapMessage<?, Object> mapMessage(ContractEvent event) {
        MapMessage<?, Object> message = new MapMessage<>();
        for (Map.Entry<String, Object> entry : event.keyValues.entrySet()) {
            message.with(entry.getKey(), entry.getValue());
        }
        return message.with("message", event.message);
    }

    private static Marker marker(List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        Marker first = new MarkerManager.Log4jMarker(names.get(0));
        for (int i = 1; i < names.size(); i++) {
            first.addParents(new MarkerManager.Log4jMarker(names.get(i)));
        }
        return first;
    }

    private Appender appender() {
        return context.getConfiguration().getAppender(APPENDER);
    }

    @Override
    public boolean isStarted() {
        Appender appender = appender();
        return appender != null && appender.isStarted();
    }

    @Override
    public long droppedCount() {
        Appender appender = appender();
        return appender instanceof JournalAppender ? ((JournalAppender) appender).getDroppedCount() : 0;
    }

    @Override
    public List<String> statusMessages() {
        return status.messages();
    }

    @Override
    public void close() {
        try {
            context.stop();
        } finally {
            status.close();
        }
    }
}
