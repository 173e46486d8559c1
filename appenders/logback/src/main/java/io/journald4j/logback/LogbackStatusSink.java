package io.journald4j.logback;

import ch.qos.logback.core.spi.ContextAware;
import io.journald4j.status.StatusSink;

/** Reports journald4j's own trouble on Logback's status channel (visible with {@code debug="true"} or a StatusListener). */
final class LogbackStatusSink implements StatusSink {

    private final ContextAware owner;

    LogbackStatusSink(ContextAware owner) {
        this.owner = owner;
    }

    @Override
    public void warn(String message, Throwable cause) {
        owner.addWarn(message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        owner.addError(message, cause);
    }

    @Override
    public void info(String message) {
        owner.addInfo(message);
    }
}
