package io.journald4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.journald4j.testing.JournalDatagramReceiver;
import io.journald4j.testing.SuppressForbidden;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Steady-state appending allocates (almost) nothing beyond Logback's own event: the budget
 * is 64 B per event. Counts bytes, not time, so it is stable on a busy machine.
 */
class JournaldAppenderAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;

    @Test
    @SuppressForbidden(reason = "com.sun.management.ThreadMXBean is the JDK's per-thread allocation counter")
    void shouldAllocateAtMost64BytesPerEventInSteadyState() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open()) {
            JournaldAppender appender = new JournaldAppender();
            appender.setContext(context);
            appender.setSocketPath(receiver.socketPath().toString());
            appender.setSyslogIdentifier("allocation");
            appender.setPolicy("block");
            appender.start();
            assertThat(appender.isStarted()).isTrue();

            Logger logger = context.getLogger("allocation.Test");
            context.getMDCAdapter().put("user_id", "42");
            context.getMDCAdapter().put("request.id", "r-7f3a");
            context.getMDCAdapter().put("tenant", "acme");
            LoggingEvent event = new LoggingEvent(
                    Logger.class.getName(),
                    logger,
                    Level.INFO,
                    "order {} placed by {} for {} cents, a message of about 100 bytes",
                    null,
                    new Object[] {1001, "someone", 2599});
            event.prepareForDeferredProcessing();
            assertThat(event.getMDCPropertyMap())
                    .isEqualTo(Map.of("user_id", "42", "request.id", "r-7f3a", "tenant", "acme"));

            for (int i = 0; i < WARM_UP; i++) {
                appender.doAppend(event);
            }
            long threadId = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(threadId);
            for (int i = 0; i < MEASURED; i++) {
                appender.doAppend(event);
            }
            long perEvent = (threads.getThreadAllocatedBytes(threadId) - before) / MEASURED;
            assertThat(appender.getDroppedCount()).isZero();
            appender.stop();
            assertThat(perEvent).as("bytes allocated per appended event").isLessThanOrEqualTo(64);
        } finally {
            context.stop();
        }
    }
}
