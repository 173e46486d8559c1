package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.apps.IsolatedLoaderLauncher;
import io.journald4j.agent.apps.LogbackLevelsApp;
import io.journald4j.agent.apps.LogbackResetApp;
import io.journald4j.agent.support.ChildJvm;
import io.journald4j.agent.support.SpringBootJar;
import io.journald4j.testing.JournalRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogbackCaptureIT extends AbstractAgentIT {

    private static final String CONSOLE_CONFIG = "-Dlogback.configurationFile=apps/logback-console.xml";
    private static final String SILENT_CONFIG = "-Dlogback.configurationFile=apps/logback-silent.xml";

    @Test
    void shouldCaptureEveryEventAcrossResetAndReconfiguration() {
        String id = newIdentifier();
        runWithAndWithoutAgent(
                ChildJvm.create().withOption(LOGBACK_PROVIDER).withOption(CONSOLE_CONFIG),
                ChildJvm.create()
                        .withOption(LOGBACK_PROVIDER)
                        .withOption(CONSOLE_CONFIG)
                        .withAgent(agentArguments(id, "")),
                LogbackResetApp.class,
                id);

        List<JournalRecord> entries = entries(id, 4);

        assertResetAppEntries(entries, id);
    }

    @Test
    void shouldCaptureWithoutAnyAppenderAndRespectTheMinimumLevelAndFieldGroups() {
        String id = newIdentifier();
        ChildJvm.Result run = runWithAndWithoutAgent(
                ChildJvm.create().withOption(LOGBACK_PROVIDER).withOption(SILENT_CONFIG),
                ChildJvm.create()
                        .withOption(LOGBACK_PROVIDER)
                        .withOption(SILENT_CONFIG)
                        .withAgent(agentArguments(id, "level=WARN,fields=callerData:keyValues")),
                LogbackLevelsApp.class,
                id);

        List<JournalRecord> entries = entries(id, 2);

        assertThat(run.stdout).isEqualTo("done\n");
        assertThat(messages(entries)).containsExactlyInAnyOrder("warn event", "error event");
        JournalRecord warn = withMessage(entries, "warn event");
        assertThat(warn.text("ORDER_ID")).isEqualTo("42");
        assertThat(warn.has("RUN_ID"))
                .as("MDC is not among the chosen field groups")
                .isFalse();
        assertThat(warn.text("CODE_FUNC")).isEqualTo(LogbackLevelsApp.class.getName() + ".main");
        assertThat(warn.text("CODE_FILE")).isEqualTo("LogbackLevelsApp.java");
        assertThat(withMessage(entries, "error event").text("EXCEPTION_TYPE"))
                .isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void shouldWriteTheSameFieldsAsTheLogbackAppender() {
        String direct = newIdentifier();
        String viaAgent = newIdentifier();
        ChildJvm.Result appenderRun = ChildJvm.create()
                .withOption(LOGBACK_PROVIDER)
                .withOption("-Dlogback.configurationFile=apps/logback-journal.xml")
                .withOption("-Djournald4j.socket=" + journald.socketPath())
                .withOption("-Djournald4j.identifier=" + direct)
                .run(LogbackLevelsApp.class, "same-run");
        ChildJvm.Result agentRun = ChildJvm.create()
                .withOption(LOGBACK_PROVIDER)
                .withOption(SILENT_CONFIG)
                .withAgent(agentArguments(viaAgent, ""))
                .run(LogbackLevelsApp.class, "same-run");
        assertThat(appenderRun.exitCode).as("%s", appenderRun).isZero();
        assertThat(agentRun.exitCode).as("%s", agentRun).isZero();

        List<JournalRecord> fromAppender = entries(direct, 3);
        List<JournalRecord> fromAgent = entries(viaAgent, 3);

        assertThat(messages(fromAgent))
                .containsExactlyInAnyOrderElementsOf(messages(fromAppender))
                .hasSize(3);
        for (JournalRecord expected : fromAppender) {
            JournalRecord actual = withMessage(fromAgent, expected.text("MESSAGE"));
            assertThat(contractFields(actual)).isEqualTo(contractFields(expected));
        }
    }

    @Test
    void shouldLeaveTheApplicationsOwnJournald4jAndJunixsocketAlone() {
        String direct = newIdentifier();
        String viaAgent = newIdentifier();
        ChildJvm.Result run = ChildJvm.create()
                .withOption(LOGBACK_PROVIDER)
                .withOption("-Dlogback.configurationFile=apps/logback-journal.xml")
                .withOption("-Djournald4j.socket=" + journald.socketPath())
                .withOption("-Djournald4j.identifier=" + direct)
                .withAgent(agentArguments(viaAgent, ""))
                .run(LogbackLevelsApp.class, "both");

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.agentLines()).as("%s", run).isEmpty();
        assertThat(messages(entries(direct, 3))).containsExactlyInAnyOrder("info event", "warn event", "error event");
        assertThat(messages(entries(viaAgent, 3))).containsExactlyInAnyOrder("info event", "warn event", "error event");
    }

    @Test
    void shouldCaptureFromAnApplicationInItsOwnClassLoader() {
        String id = newIdentifier();
        String launcherClassPath = Paths.get(IsolatedLoaderLauncher.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        String app = LogbackResetApp.class.getName();
        String appClassPath = ChildJvm.applicationClassPath();
        ChildJvm plain = ChildJvm.create()
                .withOption(LOGBACK_PROVIDER)
                .withOption(CONSOLE_CONFIG)
                .withClassPath(launcherClassPath);
        ChildJvm withAgent = ChildJvm.create()
                .withOption(LOGBACK_PROVIDER)
                .withOption(CONSOLE_CONFIG)
                .withClassPath(launcherClassPath)
                .withAgent(agentArguments(id, ""));

        runWithAndWithoutAgent(plain, withAgent, IsolatedLoaderLauncher.class, appClassPath, app, id);

        assertResetAppEntries(entries(id, 4), id);
    }

    @Test
    void shouldCaptureFromASpringBootExecutableJar(@TempDir Path directory) throws IOException {
        String id = newIdentifier();
        Path jar = SpringBootJar.build(
                directory.resolve("orders.jar"),
                LogbackResetApp.class,
                Arrays.asList("io/journald4j/agent/apps", "apps"),
                Arrays.asList("logback-classic-", "logback-core-", "slf4j-api-"));

        ChildJvm.Result without = ChildJvm.create().withOption(CONSOLE_CONFIG).runJar(jar, id);
        ChildJvm.Result with = ChildJvm.create()
                .withOption(CONSOLE_CONFIG)
                .withAgent(agentArguments(id, ""))
                .runJar(jar, id);

        assertThat(without.exitCode).as("%s", without).isZero();
        assertThat(with.exitCode).as("%s", with).isZero();
        assertThat(with.stdout)
                .as("%s", with)
                .isEqualTo(without.stdout)
                .startsWith("INFO  LogbackResetApp - configured by file");
        assertThat(with.stderr).as("%s", with).isEqualTo(without.stderr);
        assertResetAppEntries(entries(id, 4), id);
    }

    private static void assertResetAppEntries(List<JournalRecord> entries, String id) {
        assertThat(messages(entries))
                .containsExactlyInAnyOrder(
                        "configured by file",
                        "with key-value and marker",
                        "after reset, no appender",
                        "after reconfiguration");
        JournalRecord first = withMessage(entries, "configured by file");
        assertThat(first.text("PRIORITY")).isEqualTo("6");
        assertThat(first.text("LOGGER_NAME")).isEqualTo(LogbackResetApp.class.getName());
        assertThat(first.text("THREAD_NAME")).isEqualTo("main");
        assertThat(first.text("RUN_ID")).isEqualTo(id);
        assertThat(first.has("EVENT_TIME_USEC")).isTrue();
        JournalRecord structured = withMessage(entries, "with key-value and marker");
        assertThat(structured.text("ORDER_ID")).isEqualTo("42");
        assertThat(structured.texts("MARKER")).containsExactly("AUDIT");
        assertThat(withMessage(entries, "after reset, no appender").text("PRIORITY"))
                .isEqualTo("4");
        JournalRecord failure = withMessage(entries, "after reconfiguration");
        assertThat(failure.text("PRIORITY")).isEqualTo("3");
        assertThat(failure.text("EXCEPTION_TYPE")).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.text("EXCEPTION_MESSAGE")).isEqualTo("boom");
        assertThat(failure.text("STACK_TRACE"))
                .startsWith("java.lang.IllegalStateException: boom\n\tat ")
                .contains(LogbackResetApp.class.getName() + ".main(LogbackResetApp.java:");
    }

    /** The fields a client writes, without the identifier and the event time, which differ between runs. */
    private static Map<String, List<String>> contractFields(JournalRecord entry) {
        return entry.fieldNames().stream()
                .filter(name ->
                        !name.startsWith("_") && !name.equals("SYSLOG_IDENTIFIER") && !name.equals("EVENT_TIME_USEC"))
                .collect(Collectors.toMap(name -> name, entry::texts, (a, b) -> a, TreeMap::new));
    }
}
