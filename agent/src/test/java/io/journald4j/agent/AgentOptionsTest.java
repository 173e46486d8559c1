package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentOptionsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void shouldUseTheDefaultsWithoutArguments(String arguments) {
        AgentOptions options = AgentOptions.parse(arguments);

        assertThat(options.socketPath()).isEqualTo("/run/systemd/journal/socket");
        assertThat(options.syslogIdentifier()).isNull();
        assertThat(options.level()).isEqualTo(Threshold.TRACE);
        assertThat(options.fields())
                .containsExactlyInAnyOrder(FieldGroup.MDC, FieldGroup.MARKERS, FieldGroup.KEY_VALUES);
        assertThat(options.policy()).isEqualTo("block");
        assertThat(options.enabled()).isTrue();
    }

    @Test
    void shouldParseEveryKey() {
        AgentOptions options = AgentOptions.parse(
                "socketPath=/run/j/socket, syslogIdentifier=orders,level=warn,fields=mdc:callerData,policy=DROP,enabled=false");

        assertThat(options.socketPath()).isEqualTo("/run/j/socket");
        assertThat(options.syslogIdentifier()).isEqualTo("orders");
        assertThat(options.level()).isEqualTo(Threshold.WARN);
        assertThat(options.fields()).isEqualTo(EnumSet.of(FieldGroup.MDC, FieldGroup.CALLER_DATA));
        assertThat(options.policy()).isEqualTo("drop");
        assertThat(options.enabled()).isFalse();
    }

    @Test
    void shouldAcceptNoFieldGroups() {
        assertThat(AgentOptions.parse("fields=none").fields()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "colour=red | unknown agent argument colour",
                "level | malformed agent argument 'level'",
                "=x | malformed agent argument '=x'",
                "level=info, | malformed agent argument ''",
                "level=info,level=warn | agent argument level is given more than once",
                "level=LOUD | level 'LOUD'",
                "fields=mdc:stack | group 'stack'",
                "fields=mdc:mdc | group 'mdc' more than once",
                "policy=maybe | policy 'maybe'",
                "enabled=yes | agent argument enabled must be true or false",
                "syslogIdentifier= | agent argument syslogIdentifier must not be empty",
                "socketPath= | agent argument socketPath must not be empty",
            })
    void shouldNameTheWrongOption(String arguments, String message) {
        assertThatThrownBy(() -> AgentOptions.parse(arguments))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRejectASocketPathTooLongForAfUnix() {
        String path = "/" + "s".repeat(107);

        assertThatThrownBy(() -> AgentOptions.parse("socketPath=" + path))
                .hasMessageContaining("socketPath must be at most 107 bytes");
    }

    @Test
    void shouldPreferArgumentsOverPropertiesOverTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("journald4j.agent.syslogIdentifier", "property");
        properties.setProperty("journald4j.agent.level", "INFO");
        properties.setProperty("unrelated.property", "x");
        Map<String, String> environment = new HashMap<>();
        environment.put("JOURNALD4J_AGENT_SYSLOG_IDENTIFIER", "environment");
        environment.put("JOURNALD4J_AGENT_LEVEL", "ERROR");
        environment.put("JOURNALD4J_AGENT_SOCKET_PATH", "/run/env/socket");
        environment.put("PATH", "/usr/bin");

        AgentOptions options = AgentOptions.resolve("syslogIdentifier=argument", properties, environment);

        assertThat(options.syslogIdentifier()).isEqualTo("argument");
        assertThat(options.level()).isEqualTo(Threshold.INFO);
        assertThat(options.socketPath()).isEqualTo("/run/env/socket");
    }

    @Test
    void shouldNameAnUnknownPropertyOrVariable() {
        Properties properties = new Properties();
        properties.setProperty("journald4j.agent.colour", "red");

        assertThatThrownBy(() -> AgentOptions.resolve(null, properties, Collections.emptyMap()))
                .hasMessageContaining("unknown system property journald4j.agent.colour");
        assertThatThrownBy(() -> AgentOptions.resolve(
                        null, new Properties(), Collections.singletonMap("JOURNALD4J_AGENT_COLOUR", "red")))
                .hasMessageContaining("unknown environment variable JOURNALD4J_AGENT_COLOUR");
    }

    @Test
    void shouldHandTheIsolatedSideCanonicalStrings() {
        Map<String, String> map = AgentOptions.parse("level=warn,fields=keyValues:mdc,policy=Drop")
                .toMap();

        assertThat(map)
                .containsEntry("level", "WARN")
                .containsEntry("fields", "mdc:keyValues")
                .containsEntry("policy", "drop")
                .containsEntry("enabled", "true")
                .doesNotContainKey("syslogIdentifier");
    }

    @Test
    void shouldNameEnvironmentVariablesInUpperSnakeCase() {
        assertThat(AgentOptions.environmentName("socketPath")).isEqualTo("SOCKET_PATH");
        assertThat(AgentOptions.environmentName("level")).isEqualTo("LEVEL");
    }
}
