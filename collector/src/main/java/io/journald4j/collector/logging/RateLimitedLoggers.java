package io.journald4j.collector.logging;

import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.ReportGate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One logger per name, each passing on WARN and ERROR at most once a minute (with a count of what it held back). */
final class RateLimitedLoggers implements ILoggerFactory {

    private final DaemonLog log;
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    RateLimitedLoggers(DaemonLog log) {
        this.log = log;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, RateLimitedLogger::new);
    }

    private final class RateLimitedLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        private final ReportGate reports = ReportGate.perMinute();

        RateLimitedLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            if (level != Level.WARN && level != Level.ERROR) {
                return;
            }
            long held = reports.tryPass();
            if (held < 0) {
                return;
            }
            String text = MessageFormatter.basicArrayFormat(pattern, arguments);
            String shortName = name.substring(name.lastIndexOf('.') + 1);
            log.error(
                    level + " " + shortName + ": " + text
                            + (held > 0 ? " (" + held + " similar messages in the last minute not shown)" : ""),
                    throwable);
        }
    }
}
