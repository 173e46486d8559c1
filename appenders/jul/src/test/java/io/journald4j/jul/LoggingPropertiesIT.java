package io.journald4j.jul;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.testing.JournalRecord;
import io.journald4j.testing.PrivateJournald;
import io.journald4j.testing.RequiresJournald;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configured by {@code logging.properties} alone, as users do: each test runs {@link LoggingPropertiesApp}
 * in a child JVM with {@code -Djava.util.logging.config.file} (the LogManager is global and read once, so
 * a child is the faithful way) and asserts what a real journald stored. The child inherits the IT run's
 * {@code LANG=C}.
 */
@RequiresJournald
class LoggingPropertiesIT {

    private static final String HANDLER = JournaldHandler.class.getName();
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private static PrivateJournald journald;

    @TempDir
    Path directory;

    @BeforeAll
    static void startJournald() {
        journald = PrivateJournald.start();
    }

    @AfterAll
    static void stopJournald() {
        if (journald != null) {
            journald.close();
        }
    }

    private static String uniqueIdentifier() {
        return "jul-props-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> properties(String identifier) {
        List<String> lines = new ArrayList<>();
        lines.add("handlers=" + HANDLER);
        lines.add(".level=ALL");
        lines.add(HANDLER + ".syslogIdentifier=" + identifier);
        lines.add(HANDLER + ".socketPath=" + journald.socketPath());
        return lines;
    }

    @Test
    void shouldDeliverWhatLoggingPropertiesConfigure() throws Exception {
        String id = uniqueIdentifier();
        List<String> config = properties(id);
        config.add(HANDLER + ".level=CONFIG");
        config.add(HANDLER + ".policy=block");
        config.add(HANDLER + ".blockTimeout=10s");
        config.add(HANDLER + ".syslogFacility=local3");
        config.add(HANDLER + ".priorityMapping=WARNING=notice, CONFIG=debug");
        config.add(HANDLER + ".staticFields=DEPLOYMENT=blue, REGION=eu-1");
        config.add(HANDLER + ".includeCallerData=true");
        ChildRun run = runApp(config);

        assertThat(run.exitCode).as("stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).contains("done");
        assertThat(run.stderr).as("nothing reported to the ErrorManager").isEmpty();
        Map<String, JournalRecord> byMessage = journald.awaitEntries("SYSLOG_IDENTIFIER", id, 4, ARRIVAL).stream()
                .collect(Collectors.toMap(e -> e.text("MESSAGE"), Function.identity()));
        assertThat(byMessage)
                .containsOnlyKeys("order 42 placed by ann", "configured", "payment failed", "Grüße aus Zürich");

        JournalRecord order = byMessage.get("order 42 placed by ann");
        assertThat(order.text("PRIORITY")).isEqualTo("6");
        assertThat(order.text("LOGGER_NAME")).isEqualTo("app.Orders");
        assertThat(order.text("THREAD_NAME")).isEqualTo("main");
        assertThat(order.text("SYSLOG_FACILITY")).isEqualTo("19");
        assertThat(order.text("DEPLOYMENT")).isEqualTo("blue");
        assertThat(order.text("REGION")).isEqualTo("eu-1");
        assertThat(order.text("CODE_FILE")).isEqualTo("LoggingPropertiesApp.java");
        assertThat(Integer.parseInt(order.text("CODE_LINE"))).isPositive();
        assertThat(order.text("CODE_FUNC")).isEqualTo(LoggingPropertiesApp.class.getName() + ".main");
        assertThat(byMessage.get("configured").text("PRIORITY"))
                .as("CONFIG=debug")
                .isEqualTo("7");
        assertThat(byMessage.get("Grüße aus Zürich").text("PRIORITY"))
                .as("WARNING=notice")
                .isEqualTo("5");
        assertThat(byMessage.get("Grüße aus Zürich").bytes("MESSAGE"))
                .as("exact under LANG=C")
                .isEqualTo("Grüße aus Zürich".getBytes(UTF_8));
        JournalRecord failure = byMessage.get("payment failed");
        assertThat(failure.text("PRIORITY")).isEqualTo("3");
        assertThat(failure.text("EXCEPTION_TYPE")).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.text("EXCEPTION_MESSAGE")).isEqualTo("card declined");
        assertThat(failure.text("STACK_TRACE")).startsWith("java.lang.IllegalStateException: card declined\n\tat ");
    }

    @Test
    void shouldWriteTheConfiguredFormattersLineWithoutItsSeparator() throws Exception {
        String id = uniqueIdentifier();
        List<String> config = properties(id);
        config.add(HANDLER + ".formatter=java.util.logging.SimpleFormatter");
        config.add("java.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%n");
        ChildRun run = runApp(config);

        assertThat(run.exitCode).as("stderr: %s", run.stderr).isZero();
        List<String> messages = journald.awaitEntries("SYSLOG_IDENTIFIER", id, 5, ARRIVAL).stream()
                .map(e -> e.text("MESSAGE"))
                .collect(Collectors.toList());
        assertThat(messages)
                .contains("INFO app.Orders: order 42 placed by ann", "FINE app.Orders: below the handler's level")
                .allSatisfy(m -> assertThat(m).doesNotEndWith("\n"));
    }

    @Test
    void shouldReportBadConfigurationOnTheErrorManagerAndLetTheApplicationRun() throws Exception {
        String id = uniqueIdentifier();
        List<String> config = properties(id);
        config.add(HANDLER + ".policy=sometimes");
        ChildRun run = runApp(config);

        assertThat(run.exitCode).as("stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).contains("done");
        assertThat(run.stderr)
                .contains("java.util.logging.ErrorManager: 4: journald4j handler " + HANDLER + " not started")
                .contains("unknown policy 'sometimes': use block or drop");
        Thread.sleep(500);
        assertThat(journald.count("SYSLOG_IDENTIFIER", id)).isZero();
    }

    @Test
    void shouldNameTheKeyOfAnUnreadableValue() throws Exception {
        List<String> config = properties(uniqueIdentifier());
        config.add(HANDLER + ".maxEntrySize=64MiB");
        ChildRun run = runApp(config);

        assertThat(run.exitCode).as("stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).contains("done");
        assertThat(run.stderr).contains(HANDLER + ".maxEntrySize: ").contains("64MiB");
    }

    private ChildRun runApp(List<String> config) throws IOException, InterruptedException {
        Path file = directory.resolve("logging.properties");
        Files.write(file, config, UTF_8);
        Path stdout = directory.resolve("stdout");
        Path stderr = directory.resolve("stderr");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            // junixsocket loads a native library; newer JDKs warn on stderr without this (see README).
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + file,
                LoggingPropertiesApp.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not finish in 60 s: " + Files.readString(stderr, UTF_8));
        }
        return new ChildRun(process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
    }

    private static final class ChildRun {
        final int exitCode;
        final String stdout;
        final String stderr;

        ChildRun(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }
}
