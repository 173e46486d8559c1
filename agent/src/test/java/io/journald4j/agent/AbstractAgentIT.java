package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.support.ChildJvm;
import io.journald4j.testing.JournalRecord;
import io.journald4j.testing.PrivateJournald;
import io.journald4j.testing.RequiresJournald;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A private journald per test class, and the checks every agent test makes: the application behaves
 * exactly as without the agent, and each event arrives exactly once.
 */
@RequiresJournald
abstract class AbstractAgentIT {

    static final String LOGBACK_PROVIDER = "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider";
    static final String LOG4J_PROVIDER = "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    /** After the expected entries are in, how long a duplicate gets to show up. */
    private static final Duration DUPLICATES = Duration.ofMillis(800);

    private static final SecureRandom RANDOM = new SecureRandom();

    static PrivateJournald journald;

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

    /** A {@code SYSLOG_IDENTIFIER} no other test uses. */
    static String newIdentifier() {
        return String.format(Locale.ROOT, "agentit%012x", RANDOM.nextLong() & 0xFFFF_FFFF_FFFFL);
    }

    /** Agent arguments sending to the private journald under {@code identifier}, plus {@code more} ({@code k=v,...}). */
    static String agentArguments(String identifier, String more) {
        return "socketPath=" + journald.socketPath() + ",syslogIdentifier=" + identifier
                + (more.isEmpty() ? "" : "," + more);
    }

    /** Runs {@code plain} as it is and with the agent; both must succeed and print exactly the same. */
    static ChildJvm.Result runWithAndWithoutAgent(ChildJvm plain, ChildJvm withAgent, Class<?> main, String... args) {
        ChildJvm.Result without = plain.run(main, args);
        ChildJvm.Result with = withAgent.run(main, args);
        assertThat(without.exitCode).as("%s", without).isZero();
        assertThat(with.exitCode).as("%s", with).isZero();
        assertThat(with.stdout).as("stdout with the agent, %s", with).isEqualTo(without.stdout);
        assertThat(with.stderr).as("stderr with the agent, %s", with).isEqualTo(without.stderr);
        return with;
    }

    /** The entries of {@code identifier} once {@code expected} are in, and any duplicates that follow. */
    static List<JournalRecord> entries(String identifier, int expected) {
        journald.awaitEntries("SYSLOG_IDENTIFIER", identifier, expected, ARRIVAL);
        return journald.awaitEntries("SYSLOG_IDENTIFIER", identifier, expected + 1, DUPLICATES);
    }

    static List<String> messages(List<JournalRecord> entries) {
        return entries.stream().map(entry -> entry.text("MESSAGE")).collect(Collectors.toList());
    }

    static JournalRecord withMessage(List<JournalRecord> entries, String message) {
        return entries.stream()
                .filter(entry -> message.equals(entry.text("MESSAGE")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry with MESSAGE=" + message + " in " + entries));
    }
}
