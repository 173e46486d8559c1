package io.journald4j.agent.internal;

import io.journald4j.agent.bootstrap.JournalBridge;

/**
 * The methods every event of a framework passes through once, after its level checks and before its
 * appenders; each is woven to call {@link JournalBridge}.
 *
 * <ul>
 *   <li>Logback {@code Logger#callAppenders(ILoggingEvent)}: walks appenders and additivity itself, so one
 *       call is one event whatever the configuration (none, reset, reconfigured);
 *   <li>Log4j 2 {@code LoggerConfig#log(LogEvent, LoggerConfigPredicate)} and its {@code AsyncLoggerConfig}
 *       override: reached by synchronous loggers, async loggers and async logger configs alike; parents are
 *       called through it nested, and the predicate tells an async config's replay apart;
 *   <li>JUL {@code Logger#log(LogRecord)}, which every JUL logging method ends in (before the logger's
 *       level check, which the sink therefore repeats).
 * </ul>
 */
enum DispatchPoint {
    LOGBACK(
            "ch/qos/logback/classic/Logger",
            "callAppenders",
            "(Lch/qos/logback/classic/spi/ILoggingEvent;)V",
            JournalBridge.LOGBACK,
            Source.NONE),
    LOG4J(
            "org/apache/logging/log4j/core/config/LoggerConfig",
            "log",
            "(Lorg/apache/logging/log4j/core/LogEvent;Lorg/apache/logging/log4j/core/config/LoggerConfig$LoggerConfigPredicate;)V",
            JournalBridge.LOG4J,
            Source.SECOND_ARGUMENT),
    LOG4J_ASYNC(
            "org/apache/logging/log4j/core/async/AsyncLoggerConfig",
            "log",
            "(Lorg/apache/logging/log4j/core/LogEvent;Lorg/apache/logging/log4j/core/config/LoggerConfig$LoggerConfigPredicate;)V",
            JournalBridge.LOG4J,
            Source.SECOND_ARGUMENT),
    JUL("java/util/logging/Logger", "log", "(Ljava/util/logging/LogRecord;)V", JournalBridge.JUL, Source.THIS);

    /** What the bridge gets as {@code source}. */
    enum Source {
        NONE,
        THIS,
        SECOND_ARGUMENT
    }

    final String className;
    final String methodName;
    final String descriptor;
    final int framework;
    final Source source;

    DispatchPoint(String className, String methodName, String descriptor, int framework, Source source) {
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.framework = framework;
        this.source = source;
    }

    /** The dispatch point in the class of this internal name ({@code a/b/C}), or null. */
    static DispatchPoint inClass(String internalName) {
        for (DispatchPoint point : values()) {
            if (point.className.equals(internalName)) {
                return point;
            }
        }
        return null;
    }

    boolean isMethod(String name, String methodDescriptor) {
        return methodName.equals(name) && descriptor.equals(methodDescriptor);
    }
}
