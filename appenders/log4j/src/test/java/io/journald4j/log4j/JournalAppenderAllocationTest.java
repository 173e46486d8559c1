package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.testing.JournalDatagramReceiver;
import io.journald4j.testing.SuppressForbidden;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.util.Constants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In Log4j's garbage-free mode (the pom sets {@code log4j2.enableThreadlocals},
 * {@code log4j2.enableDirectEncoders} and {@code log4j2.garbagefreeThreadContextMap}), a logged event
 * costs at most 64 B of allocation in steady state: Log4j's and the appender's together, on the thread
 * that runs the appender. Counts bytes, not time, so it is stable on a busy machine.
 */
@SuppressForbidden(reason = "com.sun.management.ThreadMXBean is the JDK's per-thread allocation counter")
class JournalAppenderAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final String TEXT = "order {} placed by {} for {} cents, a message of about 100 bytes";

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private JournalDatagramReceiver receiver;
    private LoggerContext context;

    @BeforeEach
    void open() {
        assertThat(Constants.ENABLE_THREADLOCALS)
                .as("log4j2.enableThreadlocals")
                .isTrue();
        assertThat(Constants.ENABLE_DIRECT_ENCODERS)
                .as("log4j2.enableDirectEncoders")
                .isTrue();
        receiver = JournalDatagramReceiver.open();
        ThreadContext.put("user_id", "42");
        ThreadContext.put("request.id", "r-7f3a");
        ThreadContext.put("tenant", "acme");
    }

    @AfterEach
    void close() {
        ThreadContext.clearMap();
        if (context != null) {
            context.stop();
        }
        receiver.close();
    }

    @Test
    void shouldAllocateAtMost64BytesPerEventOnTheLoggingThread() {
        Logger logger = start(false);
        long thread = Thread.currentThread().getId();
        logEvents(logger, WARM_UP);
        long before = threads.getThreadAllocatedBytes(thread);
        logEvents(logger, MEASURED);
        long perEvent = (threads.getThreadAllocatedBytes(thread) - before) / MEASURED;

        assertDelivered(WARM_UP + MEASURED);
        assertThat(perEvent).as("bytes allocated per logged event").isLessThanOrEqualTo(64);
    }

    @Test
    void shouldAllocateAtMost64BytesPerEventOnTheAsyncLoggerThread() throws InterruptedException {
        Logger logger = start(true);
        logEvents(logger, WARM_UP);
        assertDelivered(WARM_UP);
        long thread = asyncLoggerThreadId();
        long before = threads.getThreadAllocatedBytes(thread);
        logEvents(logger, MEASURED);
        assertDelivered(WARM_UP + MEASURED);
        long perEvent = (threads.getThreadAllocatedBytes(thread) - before) / MEASURED;

        assertThat(perEvent)
                .as("bytes allocated per event by the AsyncLogger thread")
                .isLessThanOrEqualTo(64);
    }

    private Logger start(boolean async) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.add(builder.newAppender("JOURNAL", "Journald")
                .addAttribute("socketPath", receiver.socketPath().toString())
                .addAttribute("syslogIdentifier", "allocation"));
        builder.add((async ? builder.newAsyncRootLogger(Level.INFO) : builder.newRootLogger(Level.INFO))
                .addAttribute("includeLocation", false)
                .add(builder.newAppenderRef("JOURNAL")));
        context = new LoggerContext("allocation");
        context.start(builder.build(false));
        return context.getLogger("allocation.Test");
    }

    private static void logEvents(Logger logger, int count) {
        Object order = 1001;
        Object who = "someone";
        Object cents = 2599;
        for (int i = 0; i < count; i++) {
            logger.info(TEXT, order, who, cents);
        }
    }

    private void assertDelivered(int count) {
        assertThat(receiver.awaitDatagrams(count, Duration.ofSeconds(60))).hasSize(count);
        JournalAppender appender = context.getConfiguration().getAppender("JOURNAL");
        assertThat(appender.getDroppedCount()).isZero();
    }

    private static long asyncLoggerThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("AsyncLoggerConfig"))
                .mapToLong(Thread::getId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no AsyncLoggerConfig thread"));
    }
}
