package io.journald4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid settings reach the ErrorManager with a clear message; the handler drops and counts, and never throws. */
class BadConfigurationTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("unknown policy", b -> b.policy("sometimes"), "unknown policy 'sometimes': use block or drop"),
                bad("invalid static field name", b -> b.staticField("bad-name=1"), "bad-name"),
                bad("static field without =", b -> b.staticField("DEPLOYMENT"), "must have the form NAME=value"),
                bad("reserved static field", b -> b.staticField("PRIORITY=1"), "would shadow"),
                bad("socket path too long", b -> b.socketPath("/nonexistent/" + "x".repeat(120)), "at most 107 bytes"),
                bad("empty socket path", b -> b.socketPath(""), "socketPath must not be empty"),
                bad("unknown level in priorityMapping", b -> b.priorityMapping("ERROR=3"), "unknown level 'ERROR'"),
                bad("bad priority in priorityMapping", b -> b.priorityMapping("SEVERE=loud"), "loud"),
                bad("unknown facility", b -> b.syslogFacility("local9"), "local9"),
                bad("zero block timeout", b -> b.blockTimeout(Duration.ZERO), "blockTimeout must be positive"),
                bad("tiny maxEntrySize", b -> b.maxEntrySize(100), "maxEntrySize must be at least 8192"));
    }

    private static Arguments bad(String what, UnaryOperator<JournaldHandlerBuilder> change, String message) {
        return Arguments.of(what, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void shouldReportAndStayInert(String what, UnaryOperator<JournaldHandlerBuilder> change, String message) {
        CollectingErrorManager errors = new CollectingErrorManager();
        JournaldHandlerBuilder builder =
                JournaldHandler.builder().errorManager(errors).syslogIdentifier("bad");
        JournaldHandler[] handler = new JournaldHandler[1];
        assertThatCode(() -> handler[0] = change.apply(builder).build()).doesNotThrowAnyException();

        assertThat(handler[0].isStarted()).isFalse();
        assertThat(handler[0].getStatistics()).isNull();
        assertThat(errors.messages)
                .singleElement()
                .asString()
                .startsWith("journald4j handler io.journald4j.jul.JournaldHandler not started, it drops every record: ")
                .contains(message);
        assertThat(errors.codes).containsExactly(ErrorManager.OPEN_FAILURE);
        assertThatCode(() -> {
                    handler[0].publish(new LogRecord(Level.INFO, "ignored"));
                    handler[0].publish(new LogRecord(Level.SEVERE, "ignored too"));
                    handler[0].flush();
                    handler[0].close();
                })
                .doesNotThrowAnyException();
        assertThat(handler[0].getDroppedCount()).isEqualTo(2);
        assertThat(errors.messages).hasSize(1);
    }
}
