package io.journald4j.jul;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.testing.JournalDatagramReceiver;
import io.journald4j.testing.SuppressForbidden;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Steady-state publishing allocates (almost) nothing beyond the {@link LogRecord} the application makes:
 * the budget is 64 B per record. Counts bytes, not time, so it is stable on a busy machine.
 */
class JournaldHandlerAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;

    @Test
    @SuppressForbidden(reason = "com.sun.management.ThreadMXBean is the JDK's per-thread allocation counter")
    void shouldAllocateAtMost64BytesPerRecordInSteadyState() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open()) {
            JournaldHandler handler = JournaldHandler.builder()
                    .socketPath(receiver.socketPath().toString())
                    .syslogIdentifier("allocation")
                    .staticField("DEPLOYMENT=blue")
                    .policy("block")
                    .build();
            assertThat(handler.isStarted()).isTrue();
            LogRecord record = new LogRecord(
                    Level.INFO, "order 1001 placed by someone for 2599 cents, a message of about one hundred bytes");
            record.setLoggerName("allocation.Test");

            for (int i = 0; i < WARM_UP; i++) {
                handler.publish(record);
            }
            long threadId = threadId();
            long before = threads.getThreadAllocatedBytes(threadId);
            for (int i = 0; i < MEASURED; i++) {
                handler.publish(record);
            }
            long perRecord = (threads.getThreadAllocatedBytes(threadId) - before) / MEASURED;
            assertThat(handler.getDroppedCount()).isZero();
            handler.close();
            assertThat(perRecord).as("bytes allocated per published record").isLessThanOrEqualTo(64);
        }
    }

    @SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
    private static long threadId() {
        return Thread.currentThread().getId();
    }
}
