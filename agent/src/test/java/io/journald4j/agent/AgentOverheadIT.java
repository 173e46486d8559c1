package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.apps.CpuPerEventApp;
import io.journald4j.agent.support.ChildJvm;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Per-event CPU of the logging thread through the agent against the Logback appender configured directly,
 * in the same run: interleaved rounds, medians compared (the machine is shared, absolute numbers are not).
 *
 * <p>A measurement, not part of the test suite (tagged {@code benchmark}, excluded from {@code mvn verify}):
 * {@code mvn -B -pl agent -am verify -Dgroups=benchmark -DexcludedGroups= -Dit.test=AgentOverheadIT
 * -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false}. It lives here because it needs the child-JVM fixtures of
 * these tests; it belongs in benchmarks/ once those move to a shared place.
 */
@org.junit.jupiter.api.Tag("benchmark")
class AgentOverheadIT extends AbstractAgentIT {

    private static final int EVENTS = 40_000;
    private static final int WARM_UP = 20_000;
    private static final int ROUNDS = 3;

    @Test
    void shouldCostAtMostAFifthMoreCpuPerEventThanTheAppenderConfiguredDirectly() {
        String direct = newIdentifier();
        String viaAgent = newIdentifier();
        long[] appender = new long[ROUNDS];
        long[] agent = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            appender[round] = cpuNanosPerEvent(ChildJvm.create()
                    .withOption(LOGBACK_PROVIDER)
                    .withOption("-Dlogback.configurationFile=apps/logback-journal.xml")
                    .withOption("-Djournald4j.socket=" + journald.socketPath())
                    .withOption("-Djournald4j.identifier=" + direct));
            agent[round] = cpuNanosPerEvent(ChildJvm.create()
                    .withOption(LOGBACK_PROVIDER)
                    .withOption("-Dlogback.configurationFile=apps/logback-silent.xml")
                    .withAgent(agentArguments(viaAgent, "")));
        }
        double ratio = (double) median(agent) / median(appender);
        System.out.printf(
                Locale.ROOT,
                "CPU ns/event: appender %s, agent %s; agent/appender (medians) %.2f%n",
                Arrays.toString(appender),
                Arrays.toString(agent),
                ratio);

        assertThat(ratio).isLessThanOrEqualTo(1.2);
    }

    private static long cpuNanosPerEvent(ChildJvm jvm) {
        ChildJvm.Result run = jvm.withOption("-Xms256m")
                .withOption("-Xmx256m")
                .run(CpuPerEventApp.class, Integer.toString(EVENTS), Integer.toString(WARM_UP));
        assertThat(run.exitCode).as("%s", run).isZero();
        return Long.parseLong(run.stdout.trim());
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
