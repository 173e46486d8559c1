package io.journald4j.jul;

import java.util.logging.LogRecord;

/**
 * Whether a record is being published on the thread that logged it.
 *
 * <p>A {@link LogRecord} carries the logging thread's id but not its name. {@code publish} normally runs
 * on that thread (JUL calls handlers synchronously), so the current thread's name is the record's; a
 * record handed over to another thread ({@code MemoryHandler}, an asynchronous wrapper) is recognised by
 * its id and gets no {@code THREAD_NAME} and no caller line, rather than wrong ones.
 */
final class LoggingThread {

    private LoggingThread() {}

    /**
     * True when the current thread's id is the record's. {@code getThreadID} is an {@code int}; ids beyond
     * {@code Integer.MAX_VALUE / 2} may be synthesised by JUL, and then this answers false.
     */
    @SuppressWarnings("deprecation") // getThreadID/getId: their long successors need Java 16/19; appenders target 11
    static boolean isCurrent(LogRecord record) {
        long id = Thread.currentThread().getId();
        return id <= Integer.MAX_VALUE && record.getThreadID() == (int) id;
    }
}
