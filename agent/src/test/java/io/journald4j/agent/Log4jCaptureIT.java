package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.apps.BridgedApp;
import io.journald4j.agent.apps.Log4jReconfigureApp;
import io.journald4j.agent.support.ChildJvm;
import io.journald4j.testing.JournalRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class Log4jCaptureIT extends AbstractAgentIT {

    private static final String CONSOLE_CONFIG = "-Dlog4j2.configurationFile=apps/log4j2-console.xml";

    @Test
    void shouldCaptureEveryEventAcrossLog4jReconfiguration() {
        String id = newIdentifier();
        runWithAndWithoutAgent(
                ChildJvm.create().withOption(CONSOLE_CONFIG),
                ChildJvm.create().withOption(CONSOLE_CONFIG).withAgent(agentArguments(id, "")),
                Log4jReconfigureApp.class,
                id);

        List<JournalRecord> entries = entries(id, 4);

        assertThat(messages(entries))
                .containsExactlyInAnyOrder(
                        "configured by file",
                        "after reconfiguration without appenders",
                        "after reconfiguration",
                        "through an async logger config");
        JournalRecord first = withMessage(entries, "configured by file");
        assertThat(first.text("PRIORITY")).isEqualTo("6");
        assertThat(first.text("LOGGER_NAME")).isEqualTo(Log4jReconfigureApp.class.getName());
        assertThat(first.text("THREAD_NAME")).isEqualTo("main");
        assertThat(first.text("RUN_ID")).isEqualTo(id);
        assertThat(first.texts("MARKER")).containsExactly("AUDIT");
        assertThat(withMessage(entries, "after reconfiguration without appenders")
                        .text("PRIORITY"))
                .isEqualTo("4");
        JournalRecord failure = withMessage(entries, "after reconfiguration");
        assertThat(failure.text("EXCEPTION_TYPE")).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.text("STACK_TRACE")).startsWith("java.lang.IllegalStateException: boom\n");
        JournalRecord async = withMessage(entries, "through an async logger config");
        assertThat(async.text("THREAD_NAME")).isEqualTo("main");
        assertThat(async.text("RUN_ID")).isEqualTo(id);
    }

    @Test
    void shouldCaptureBridgedEventsOnce() {
        String id = newIdentifier();
        runWithAndWithoutAgent(
                ChildJvm.create().withOption(LOG4J_PROVIDER).withOption(CONSOLE_CONFIG),
                ChildJvm.create()
                        .withOption(LOG4J_PROVIDER)
                        .withOption(CONSOLE_CONFIG)
                        .withAgent(agentArguments(id, "")),
                BridgedApp.class,
                id);

        List<JournalRecord> entries = entries(id, 3);

        assertThat(messages(entries))
                .containsExactlyInAnyOrder("through slf4j", "through jul", "through the log4j api");
        JournalRecord slf4j = withMessage(entries, "through slf4j");
        assertThat(slf4j.text("LOGGER_NAME")).isEqualTo("bridged.slf4j");
        assertThat(slf4j.text("RUN_ID")).isEqualTo(id);
        JournalRecord jul = withMessage(entries, "through jul");
        assertThat(jul.text("LOGGER_NAME")).isEqualTo("bridged.jul");
        assertThat(jul.text("PRIORITY")).isEqualTo("4");
        assertThat(withMessage(entries, "through the log4j api").text("PRIORITY"))
                .isEqualTo("3");
    }
}
