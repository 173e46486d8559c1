package io.journald4j.collector.ring;

import com.lmax.disruptor.ExceptionHandler;
import io.journald4j.collector.DaemonLog;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reports an output's unexpected exception and lets it continue with the next entry.
 *
 * <p>The Disruptor's default {@code FatalExceptionHandler} rethrows, which kills the handler thread;
 * the ring would then fill and the collector stop reading for good.
 */
public final class ReportingExceptionHandler implements ExceptionHandler<EntrySlot> {

    private final DaemonLog log;
    private final LongAdder failures = new LongAdder();

    public ReportingExceptionHandler(DaemonLog log) {
        this.log = log;
    }

    @Override
    public void handleEventException(Throwable failure, long sequence, EntrySlot slot) {
        failures.increment();
        log.error("an output failed on entry " + sequence + " (skipped; " + failures.sum() + " so far)", failure);
    }

    @Override
    public void handleOnStartException(Throwable failure) {
        log.error("an output failed to start", failure);
    }

    @Override
    public void handleOnShutdownException(Throwable failure) {
        log.error("an output failed to shut down", failure);
    }

    public long failures() {
        return failures.sum();
    }
}
