package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.log4j.support.StatusCollector;
import io.journald4j.testing.JournalRecord;
import io.journald4j.testing.PrivateJournald;
import io.journald4j.testing.RequiresJournald;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Configured from XML as users do (no {@code packages} attribute), behind an {@code AsyncLogger} and an
 * {@code Async} appender, into a real journald: every event arrives, with its fields.
 */
@RequiresJournald
class JournalAppenderXmlConfigIT {

    private static final int EVENTS = 2000;

    @AfterEach
    void clearProperties() {
        System.clearProperty("journald4j.it.identifier");
        System.clearProperty("journald4j.it.socket");
        ThreadContext.clearAll();
    }

    @Test
    void shouldDeliverEveryEventBehindAsyncLoggerAndAsyncAppender() throws URISyntaxException {
        String id = "xml-" + UUID.randomUUID().toString().substring(0, 8);
        try (PrivateJournald journald = PrivateJournald.start();
                StatusCollector status = StatusCollector.open()) {
            System.setProperty("journald4j.it.identifier", id);
            System.setProperty("journald4j.it.socket", journald.socketPath().toString());
            LoggerContext context = new LoggerContext(
                    "xml-it",
                    null,
                    getClass().getResource("/log4j2-async-it.xml").toURI());
            context.start();
            assertThat(status.messages()).as("configuration status").isEmpty();

            ThreadContext.put("user_id", "42");
            ThreadContext.push("request-7");
            logEvents(context.getLogger("xml.asyncLogger"), "async-logger");
            logEvents(context.getLogger("xml.asyncAppender"), "async-appender");
            context.stop();

            List<JournalRecord> entries =
                    journald.awaitEntries("SYSLOG_IDENTIFIER", id, 2 * EVENTS, Duration.ofSeconds(60));
            assertThat(entries).as("status: %s", status.messages()).hasSize(2 * EVENTS);
            for (String route : List.of("async-logger", "async-appender")) {
                JournalRecord info = find(entries, "[INFO] " + route + " 0");
                assertThat(info.text("PRIORITY")).isEqualTo("6");
                assertThat(info.text("USER_ID"))
                        .as("ThreadContext captured on the calling thread")
                        .isEqualTo("42");
                assertThat(info.text("NDC")).isEqualTo("request-7");
                assertThat(info.text("THREAD_NAME"))
                        .isEqualTo(Thread.currentThread().getName());
                assertThat(info.text("SYSLOG_FACILITY")).isEqualTo("19");
                assertThat(info.text("DEPLOYMENT")).isEqualTo("blue");
                assertThat(info.text("REGION")).isEqualTo("eu-1");
                assertThat(find(entries, "[WARN] " + route + " 1").text("PRIORITY"))
                        .as("WARN=notice")
                        .isEqualTo("5");
            }
            assertThat(status.messages()).isEmpty();
        }
    }

    private static void logEvents(Logger logger, String route) {
        for (int i = 0; i < EVENTS; i++) {
            if (i % 2 == 0) {
                logger.info("{} {}", route, i);
            } else {
                logger.warn("{} {}", route, i);
            }
        }
    }

    private static JournalRecord find(List<JournalRecord> entries, String message) {
        return entries.stream()
                .filter(e -> message.equals(e.text("MESSAGE")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry with MESSAGE=" + message));
    }
}
