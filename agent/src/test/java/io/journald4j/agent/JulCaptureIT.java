package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.apps.JulApp;
import io.journald4j.agent.support.ChildJvm;
import io.journald4j.testing.JournalRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class JulCaptureIT extends AbstractAgentIT {

    /** The JDK's console handler without a timestamp, so that two runs print the same. */
    private static final String FORMAT = "-Djava.util.logging.SimpleFormatter.format=%4$s %3$s %5$s%6$s%n";

    @Test
    void shouldCaptureAJulOnlyApplication() {
        String id = newIdentifier();
        ChildJvm.Result run = runWithAndWithoutAgent(
                ChildJvm.create().withOption(FORMAT),
                ChildJvm.create().withOption(FORMAT).withAgent(agentArguments(id, "")),
                JulApp.class);

        List<JournalRecord> entries = entries(id, 2);

        assertThat(run.stderr).startsWith("INFO jul.app hello from jul\n");
        assertThat(messages(entries)).containsExactlyInAnyOrder("hello from jul", "jul warning");
        JournalRecord info = withMessage(entries, "hello from jul");
        assertThat(info.text("PRIORITY")).isEqualTo("6");
        assertThat(info.text("LOGGER_NAME")).isEqualTo("jul.app");
        assertThat(info.text("THREAD_NAME")).isEqualTo("main");
        JournalRecord warning = withMessage(entries, "jul warning");
        assertThat(warning.text("PRIORITY")).isEqualTo("4");
        assertThat(warning.text("EXCEPTION_TYPE")).isEqualTo("java.lang.IllegalStateException");
        assertThat(warning.text("STACK_TRACE"))
                .startsWith("java.lang.IllegalStateException: boom\n\tat " + JulApp.class.getName());
    }
}
