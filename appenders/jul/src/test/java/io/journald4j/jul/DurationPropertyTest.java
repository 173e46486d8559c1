package io.journald4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationPropertyTest {

    @ParameterizedTest(name = "''{0}'' is {1} ms")
    @CsvSource({
        "500, 500",
        "500ms, 500",
        "' 500 ms ', 500",
        "250 milliseconds, 250",
        "5s, 5000",
        "5 seconds, 5000",
        "1 second, 1000",
        "2m, 120000",
        "1 minute, 60000",
        "10S, 10000"
    })
    void shouldParseNumbersWithAnOptionalUnit(String text, long millis) {
        assertThat(DurationProperty.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "s", "five seconds", "5 hours", "1.5s", "-5s", "5 s s", "9999999999999999999"})
    void shouldRejectAnythingElseQuotingTheValue(String text) {
        assertThatThrownBy(() -> DurationProperty.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("5s");
    }
}
