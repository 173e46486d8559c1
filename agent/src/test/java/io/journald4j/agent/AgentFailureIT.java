package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.apps.LogbackLevelsApp;
import io.journald4j.agent.support.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentFailureIT extends AbstractAgentIT {

    private static final String CONSOLE_CONFIG = "-Dlogback.configurationFile=apps/logback-console.xml";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "colour=red | colour",
                "level | level",
                "level=LOUD | LOUD",
                "policy=block,policy=drop | policy",
                "fields=mdc:stack | stack",
                "enabled=maybe | enabled",
            })
    void shouldDisableItselfOnAWrongAgentArgument(String wrong, String named) {
        String id = newIdentifier();
        ChildJvm.Result run = runWithAndWithoutAgentLines(ChildJvm.create(), agentArguments(id, wrong));

        assertThat(run.agentLines()).hasSize(1);
        assertThat(run.agentLines().get(0)).contains(named).contains("disabled");
        assertThat(entries(id, 0)).isEmpty();
    }

    @Test
    void shouldDisableItselfOnAnUnknownSystemPropertyOrVariable() {
        String id = newIdentifier();
        ChildJvm.Result property = runWithAndWithoutAgentLines(
                ChildJvm.create().withOption("-Djournald4j.agent.colour=red"), agentArguments(id, ""));
        ChildJvm.Result variable = runWithAndWithoutAgentLines(
                ChildJvm.create().withEnvironment("JOURNALD4J_AGENT_COLOUR", "red"), agentArguments(id, ""));

        assertThat(property.agentLines()).singleElement().asString().contains("journald4j.agent.colour");
        assertThat(variable.agentLines()).singleElement().asString().contains("JOURNALD4J_AGENT_COLOUR");
        assertThat(entries(id, 0)).isEmpty();
    }

    @Test
    void shouldPreferArgumentsOverPropertiesOverTheEnvironment() {
        String fromArguments = newIdentifier();
        String fromProperty = newIdentifier();
        String fromEnvironment = newIdentifier();
        ChildJvm.Result run = ChildJvm.create()
                .withOption(CONSOLE_CONFIG)
                .withOption(LOGBACK_PROVIDER)
                .withEnvironment(
                        "JOURNALD4J_AGENT_SOCKET_PATH", journald.socketPath().toString())
                .withEnvironment("JOURNALD4J_AGENT_SYSLOG_IDENTIFIER", fromEnvironment)
                .withEnvironment("JOURNALD4J_AGENT_LEVEL", "ERROR")
                .withOption("-Djournald4j.agent.syslogIdentifier=" + fromProperty)
                .withOption("-Djournald4j.agent.level=WARN")
                .withAgent("syslogIdentifier=" + fromArguments)
                .run(LogbackLevelsApp.class, "precedence");

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(messages(entries(fromArguments, 2))).containsExactlyInAnyOrder("warn event", "error event");
        assertThat(journald.count("SYSLOG_IDENTIFIER", fromProperty)).isZero();
        assertThat(journald.count("SYSLOG_IDENTIFIER", fromEnvironment)).isZero();
    }

    @Test
    void shouldDoNothingButSayOnceWhenJournaldIsAbsent() {
        ChildJvm.Result run = runWithAndWithoutAgentLines(
                ChildJvm.create(), "socketPath=/run/journald4j-absent/socket,syslogIdentifier=absent");

        assertThat(run.agentLines()).singleElement().asString().contains("/run/journald4j-absent/socket");
        assertThat(run.elapsed).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldCaptureOnceWhenAttachedTwice() {
        String id = newIdentifier();
        ChildJvm.Result run = runWithAndWithoutAgentLines(
                ChildJvm.create().withAgent(agentArguments(id, "")), agentArguments(id, ""));

        assertThat(run.agentLines()).singleElement().asString().contains("already attached");
        assertThat(messages(entries(id, 3))).containsExactlyInAnyOrder("info event", "warn event", "error event");
    }

    @Test
    void shouldStayQuietWhenDisabled() {
        String id = newIdentifier();
        ChildJvm.Result run = runWithAndWithoutAgentLines(ChildJvm.create(), agentArguments(id, "enabled=false"));

        assertThat(run.agentLines()).isEmpty();
        assertThat(entries(id, 0)).isEmpty();
    }

    /**
     * Runs the Logback levels application without and with the agent ({@code arguments}); apart from the
     * agent's own stderr lines, both print the same and succeed.
     */
    private static ChildJvm.Result runWithAndWithoutAgentLines(ChildJvm base, String arguments) {
        ChildJvm.Result without = ChildJvm.create()
                .withOption(CONSOLE_CONFIG)
                .withOption(LOGBACK_PROVIDER)
                .run(LogbackLevelsApp.class, "failure");
        ChildJvm.Result with = base.withOption(CONSOLE_CONFIG)
                .withOption(LOGBACK_PROVIDER)
                .withAgent(arguments)
                .run(LogbackLevelsApp.class, "failure");
        assertThat(without.exitCode).as("%s", without).isZero();
        assertThat(with.exitCode).as("%s", with).isZero();
        assertThat(with.stdout).as("%s", with).isEqualTo(without.stdout);
        assertThat(with.stderrWithoutAgentLines()).as("%s", with).isEqualTo(without.stderr);
        return with;
    }
}
