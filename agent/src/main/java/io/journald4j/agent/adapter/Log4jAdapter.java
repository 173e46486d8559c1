package io.journald4j.agent.adapter;

import io.journald4j.agent.bootstrap.CaptureSink;
import io.journald4j.agent.internal.AgentSettings;
import io.journald4j.log4j.JournalAppender;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Sends captured Log4j 2 events through an agent-owned {@link JournalAppender} that no configuration
 * holds: the appender's own mapping, and nothing a reconfiguration could remove.
 *
 * <p>Loaded once per Log4j copy, in a loader beside it. The dispatcher passes only an event's first
 * dispatch (predicate {@code ALL}), not an async logger config's replay on its own thread.
 */
public final class Log4jAdapter implements CaptureSink {

    private final JournalAppender appender;
    private final Level threshold;
    private final boolean location;

    public Log4jAdapter(AgentSettings settings) {
        boolean mdc = settings.hasField("mdc");
        location = settings.hasField("callerData");
        JournalAppender built = JournalAppender.newBuilder()
                .setSocketPath(settings.socketPath())
                .setSyslogIdentifier(settings.syslogIdentifier())
                .setPolicy(settings.policy())
                .setIncludeThreadContext(mdc)
                .setIncludeThreadContextStack(mdc)
                .setIncludeLocation(location)
                .setIncludeMarkers(settings.hasField("markers"))
                .setIncludeMapMessage(settings.hasField("keyValues"))
                .setName("journald4j-agent")
                .build();
        if (built == null) {
            throw new IllegalStateException(
                    "the journald4j Log4j appender could not be built (see Log4j's status output)");
        }
        built.start();
        appender = built;
        threshold = Level.toLevel(settings.level(), Level.TRACE);
    }

    @Override
    public void capture(int framework, Object predicate, Object event) {
        LogEvent logEvent = (LogEvent) event;
        if (!logEvent.getLevel().isMoreSpecificThan(threshold)) {
            return;
        }
        if (location && !logEvent.isIncludeLocation()) {
            // The caller is still on this thread's stack; Log4j resets the flag per LoggerConfig afterwards.
            logEvent.setIncludeLocation(true);
        }
        appender.append(logEvent);
    }
}
