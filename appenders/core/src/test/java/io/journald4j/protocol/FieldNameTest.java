package io.journald4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldNameTest {

    private static final String SIXTY_FOUR = "A234567890123456789012345678901234567890123456789012345678901234";

    @ParameterizedTest
    @ValueSource(strings = {"MESSAGE", "D1GIT_OK", "UNDER_SCORE_", "A", SIXTY_FOUR})
    void shouldAcceptNamesJournaldKeeps(String name) {
        assertThat(FieldName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "lower",
                "Mixed",
                "_TRUSTED",
                "__REALTIME_TIMESTAMP",
                "1DIGIT",
                "HAS-DASH",
                "HAS.DOT",
                "HAS SPACE",
                "NUL\u0000",
                "ÜMLAUT",
                SIXTY_FOUR + "5"
            })
    void shouldRejectNamesJournaldDrops(String name) {
        assertThat(FieldName.isValid(name)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "user_id|USER_ID",
                "USER_ID|USER_ID",
                "http.method|HTTP_METHOD",
                "trace-id|TRACE_ID",
                "1st|X1ST",
                "_private|X_PRIVATE",
                "grüße|GR__E",
                "a b|A_B",
                "''|X"
            })
    void shouldNormalizeUserKeysToValidNames(String key, String expected) {
        String name = FieldName.normalize(key);
        assertThat(name).isEqualTo(expected);
        assertThat(FieldName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 65, 200})
    void shouldCutLongKeysTo64Characters(int length) {
        String key = "k".repeat(length);
        String name = FieldName.normalize(key);
        assertThat(name).hasSize(Math.min(length, 64)).matches("K+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9LIVES", "_X", "x"})
    void shouldCutPrefixedKeysTo64Characters(String start) {
        String name = FieldName.normalize(start + "y".repeat(100));
        assertThat(name).hasSize(64);
        assertThat(FieldName.isValid(name)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void shouldNameTheSettingWhenRequiringAValidName() {
        assertThatThrownBy(() -> FieldName.requireValid("bad-name", "static field"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("static field 'bad-name'");
    }
}
