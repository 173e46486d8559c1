package io.journald4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.journald4j.testing.JournalRecord;
import io.journald4j.testing.PrivateJournald;
import io.journald4j.testing.RequiresJournald;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Configured from XML as users do, behind Logback's AsyncAppender, into a real journald. */
@RequiresJournald
class JournaldAppenderXmlConfigIT {

    @Test
    void shouldDeliverEveryEventBehindAsyncAppenderWithXmlProperties() throws JoranException {
        String id = "xml-" + UUID.randomUUID().toString().substring(0, 8);
        int events = 2000;
        try (PrivateJournald journald = PrivateJournald.start()) {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            context.putProperty("it.identifier", id);
            context.putProperty("it.socket", journald.socketPath().toString());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/logback-async-it.xml"));
            assertThat(context.getStatusManager().getCopyOfStatusList())
                    .filteredOn(s -> s.getLevel() >= Status.WARN)
                    .isEmpty();

            Logger logger = context.getLogger("xml.Logger");
            context.getMDCAdapter().put("user_id", "42");
            for (int i = 0; i < events; i++) {
                if (i % 2 == 0) {
                    logger.info("event {}", i);
                } else {
                    logger.warn("event {}", i);
                }
            }
            context.stop();

            List<JournalRecord> entries =
                    journald.awaitEntries("SYSLOG_IDENTIFIER", id, events, Duration.ofSeconds(30));
            assertThat(entries)
                    .as("status: %s", context.getStatusManager().getCopyOfStatusList())
                    .hasSize(events);
            JournalRecord first = entries.stream()
                    .filter(e -> e.text("MESSAGE").equals("[INFO] event 0"))
                    .findFirst()
                    .orElseThrow();
            assertThat(first.text("USER_ID"))
                    .as("MDC captured by AsyncAppender")
                    .isEqualTo("42");
            assertThat(first.text("PRIORITY")).isEqualTo("6");
            assertThat(first.text("SYSLOG_FACILITY")).isEqualTo("19");
            assertThat(first.text("DEPLOYMENT")).isEqualTo("blue");
            assertThat(first.text("REGION")).isEqualTo("eu-1");
            assertThat(first.text("THREAD_NAME"))
                    .isEqualTo(Thread.currentThread().getName());
            JournalRecord warn = entries.stream()
                    .filter(e -> e.text("MESSAGE").equals("[WARN] event 1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(warn.text("PRIORITY")).as("WARN=notice").isEqualTo("5");
        }
    }
}
