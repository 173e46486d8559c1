package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journald4j.protocol.Priority;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.spi.StandardLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelPrioritiesTest {

    @ParameterizedTest
    @CsvSource({"FATAL, 2", "ERROR, 3", "WARN, 4", "INFO, 6", "DEBUG, 7", "TRACE, 7"})
    void shouldMapStandardLevelsPerTheContract(String level, int priority) {
        assertThat(LevelPriorities.parse(null).priorityOf(Level.getLevel(level)).value())
                .isEqualTo(priority);
    }

    @Test
    void shouldApplyOverridesByNameOrNumber() {
        LevelPriorities priorities = LevelPriorities.parse("WARN=notice, debug=6");
        assertThat(priorities.priorityOf(Level.WARN)).isEqualTo(Priority.NOTICE);
        assertThat(priorities.priorityOf(Level.DEBUG)).isEqualTo(Priority.INFO);
        assertThat(priorities.priorityOf(Level.ERROR)).isEqualTo(Priority.ERR);
    }

    @ParameterizedTest
    @CsvSource({
        "150, FATAL",
        "160, ERROR",
        "350, WARN",
        "351, INFO",
        "420, INFO",
        "550, DEBUG",
        "700, TRACE",
        "0, FATAL"
    })
    void shouldPickTheNearestStandardLevelAndTheMoreSevereOnATie(int intLevel, StandardLevel expected) {
        assertThat(LevelPriorities.nearestStandard(intLevel)).isEqualTo(expected);
    }

    @Test
    void shouldMapACustomLevelDefinedLaterByItsNearestStandardLevel() {
        LevelPriorities priorities = LevelPriorities.parse("INFO=5");
        Level notice = Level.forName("JOURNALD4J_TEST_LATE", 390);
        assertThat(priorities.priorityOf(notice))
                .as("nearest is INFO, overridden to 5")
                .isEqualTo(Priority.NOTICE);
    }

    @Test
    void shouldAcceptACustomLevelKnownWhenBuiltInTheMapping() {
        Level audit = Level.forName("JOURNALD4J_TEST_AUDIT", 250);
        LevelPriorities defaults = LevelPriorities.parse(null);
        LevelPriorities overridden = LevelPriorities.parse("JOURNALD4J_TEST_AUDIT=notice");
        assertThat(defaults.priorityOf(audit))
                .as("tie of ERROR and WARN goes to ERROR")
                .isEqualTo(Priority.ERR);
        assertThat(overridden.priorityOf(audit)).isEqualTo(Priority.NOTICE);
    }

    @Test
    void shouldRejectAnUnknownLevelNamingIt() {
        assertThatThrownBy(() -> LevelPriorities.parse("SEVERE=3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SEVERE");
    }
}
