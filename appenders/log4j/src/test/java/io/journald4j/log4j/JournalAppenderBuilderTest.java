package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.journald4j.log4j.support.StatusCollector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad attributes: a clear StatusLogger message naming the problem, and nothing thrown. */
class JournalAppenderBuilderTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("unknown policy 'sometimes'", b -> b.setPolicy("sometimes")),
                bad(
                        "'bad-name' is not a valid journal field name",
                        b -> b.setStaticFields(new KeyValuePair("bad-name", "1"))),
                bad("'PRIORITY' would shadow", b -> b.setStaticFields(new KeyValuePair("PRIORITY", "1"))),
                bad("at most 107 bytes", b -> b.setSocketPath("/nonexistent/" + "x".repeat(120))),
                bad("socketPath must not be empty", b -> b.setSocketPath(" ")),
                bad("blockTimeout must be positive", b -> b.setBlockTimeoutMillis(0)),
                bad("unknown level 'LOUD'", b -> b.setPriorityMapping("LOUD=1")),
                bad("syslog facility", b -> b.setSyslogFacility("local9")),
                bad("maxEntrySize must be at least", b -> b.setMaxEntrySize(100)));
    }

    @Test
    void shouldReportAnUnknownAttributeByName() throws IOException {
        String xml = "<Configuration><Appenders>"
                + "<Journald name='JOURNAL' socketPath='/run/journald4j-test-absent/socket' policy='drop' colour='blue'/>"
                + "</Appenders><Loggers><Root level='info'><AppenderRef ref='JOURNAL'/></Root></Loggers></Configuration>";
        try (StatusCollector status = StatusCollector.open()) {
            LoggerContext context = new LoggerContext("unknown-attribute");
            context.start(new XmlConfiguration(
                    context, new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
            try {
                assertThatCode(() -> context.getLogger("unknown.Attribute").info("still logging"))
                        .doesNotThrowAnyException();
            } finally {
                context.stop();
            }
            assertThat(status.messages())
                    .anySatisfy(message -> assertThat(message).contains("colour"));
        }
    }

    private static Arguments bad(String expected, UnaryOperator<JournalAppenderBuilder> setting) {
        return Arguments.of(expected, setting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void shouldReportBadAttributesAndBuildNoAppender(String expected, UnaryOperator<JournalAppenderBuilder> setting) {
        try (StatusCollector status = StatusCollector.open()) {
            JournalAppender appender =
                    setting.apply(JournalAppender.newBuilder().setName("BAD")).build();
            assertThat(appender).isNull();
            assertThat(status.messages()).anySatisfy(message -> assertThat(message)
                    .contains("Journald appender 'BAD' not created")
                    .contains(expected));
        }
    }
}
