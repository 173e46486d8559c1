package io.journald4j.agent.adapter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import io.journald4j.agent.bootstrap.CaptureSink;
import io.journald4j.agent.internal.AgentSettings;
import io.journald4j.agent.internal.Diagnostics;
import io.journald4j.logback.JournaldAppender;

/**
 * Sends captured Logback events through an agent-owned {@link JournaldAppender} that no logger knows:
 * the appender's own mapping (so the fields are exactly an appender's), and nothing a reset could remove.
 *
 * <p>Loaded once per Logback copy, in a loader beside it. The appender lives in a context of its own, not
 * the application's, whose status errors become one stderr line.
 */
public final class LogbackAdapter implements CaptureSink {

    private final JournaldAppender appender = new JournaldAppender();
    private final int threshold;

    public LogbackAdapter(AgentSettings settings) {
        ContextBase context = new ContextBase();
        context.setName("journald4j-agent");
        context.getStatusManager().add(new StderrStatusListener());
        appender.setContext(context);
        appender.setName("journald4j-agent");
        appender.setSocketPath(settings.socketPath());
        appender.setSyslogIdentifier(settings.syslogIdentifier());
        appender.setPolicy(settings.policy());
        appender.setIncludeMdc(settings.hasField("mdc"));
        appender.setIncludeCallerData(settings.hasField("callerData"));
        appender.setIncludeMarkers(settings.hasField("markers"));
        appender.setIncludeKeyValues(settings.hasField("keyValues"));
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("the journald4j Logback appender did not start");
        }
        threshold = Level.toLevel(settings.level(), Level.TRACE).toInt();
    }

    @Override
    public void capture(int framework, Object source, Object event) {
        ILoggingEvent loggingEvent = (ILoggingEvent) event;
        if (loggingEvent.getLevel().toInt() >= threshold) {
            appender.doAppend(loggingEvent);
        }
    }

    /** The appender's errors (drops, an unreachable journal), as one stderr line. */
    private static final class StderrStatusListener implements StatusListener {
        @Override
        public void addStatusEvent(Status status) {
            if (status.getLevel() == Status.ERROR) {
                Diagnostics.reportOnce("logback", "Logback capture: " + status.getMessage());
            }
        }
    }
}
