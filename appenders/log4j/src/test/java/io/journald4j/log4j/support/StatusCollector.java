package io.journald4j.log4j.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what Log4j's StatusLogger reports at WARN and above while it is open. */
public final class StatusCollector implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            if (data.getLevel().isMoreSpecificThan(Level.WARN)) {
                Throwable thrown = data.getThrowable();
                messages.add(data.getMessage().getFormattedMessage() + (thrown == null ? "" : ": " + thrown));
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.WARN;
        }

        /** StatusLogger calls this when the listener is removed; there is nothing to release. */
        @Override
        public void close() {}
    };

    private StatusCollector() {}

    public static StatusCollector open() {
        StatusCollector collector = new StatusCollector();
        StatusLogger.getLogger().registerListener(collector.listener);
        return collector;
    }

    public List<String> messages() {
        return messages;
    }

    @Override
    public void close() {
        StatusLogger.getLogger().removeListener(listener);
    }
}
