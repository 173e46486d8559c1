package io.journald4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journald4j.protocol.Priority;
import java.util.logging.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelPrioritiesTest {

    /** A level of the application's own: JUL allows any name and value. */
    private static final class CustomLevel extends Level {
        CustomLevel(String name, int value) {
            super(name, value);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "SEVERE, 3",
        "WARNING, 4",
        "INFO, 6",
        "CONFIG, 6",
        "FINE, 7",
        "FINER, 7",
        "FINEST, 7",
        "OFF, 3",
        "ALL, 7"
    })
    void shouldMapStandardLevelsAsTheContractSays(String level, int priority) {
        assertThat(LevelPriorities.parse(null).of(Level.parse(level))).isEqualTo(Priority.of(priority));
    }

    @ParameterizedTest(name = "custom level {0} -> {1}")
    @CsvSource({
        "1100, 3", // above SEVERE
        "960, 3", // nearer SEVERE (1000) than WARNING (900)
        "950, 3", // a tie goes to the more severe level
        "920, 4", "750, 6", // between INFO (800) and CONFIG (700): both 6
        "600, 6", // a tie between CONFIG and FINE goes to CONFIG
        "550, 7", "0, 7"
    })
    void shouldMapCustomLevelsToTheNearestStandardLevel(int value, int priority) {
        assertThat(LevelPriorities.parse(null).of(new CustomLevel("CUSTOM" + value, value)))
                .isEqualTo(Priority.of(priority));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "WARNING=notice; WARNING; 5",
                "warning=5; WARNING; 5",
                "SEVERE=crit, FINE=info; SEVERE; 2",
                "SEVERE=crit, FINE=info; FINE; 6",
                "SEVERE=crit, FINE=info; FINER; 7",
                "CONFIG=debug; CONFIG; 7"
            })
    void shouldApplyOverrides(String overrides, String level, int priority) {
        assertThat(LevelPriorities.parse(overrides).of(Level.parse(level))).isEqualTo(Priority.of(priority));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "ERROR=3; unknown level 'ERROR'",
                "WARN=4; unknown level 'WARN'",
                "SEVERE=loud; loud",
                "SEVERE=9; 9",
                "SEVERE; must be LEVEL=priority"
            })
    void shouldRejectUnknownLevelsAndPrioritiesNamingTheEntry(String overrides, String named) {
        assertThatThrownBy(() -> LevelPriorities.parse(overrides))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }
}
