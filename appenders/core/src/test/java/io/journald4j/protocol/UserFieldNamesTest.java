package io.journald4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserFieldNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"priority", "PRIORITY", "message", "syslog.identifier", "stack_trace", "marker"})
    void shouldNeverLetAUserKeyOverwriteAContractField(String key) {
        String name = new UserFieldNames().fieldFor(key);
        assertThat(name).startsWith("USER_");
        assertThat(JournalField.isContractField(name)).isFalse();
        assertThat(FieldName.isValid(name)).isTrue();
    }

    @Test
    void shouldReturnTheSameInstanceForARepeatedKey() {
        UserFieldNames names = new UserFieldNames();
        assertThat(names.fieldFor("user_id"))
                .isSameAs(names.fieldFor("user_id"))
                .isEqualTo("USER_ID");
    }

    @Test
    void shouldStillMapKeysBeyondTheCacheBound() {
        UserFieldNames names = new UserFieldNames(1);
        assertThat(names.fieldFor("a")).isEqualTo("A");
        assertThat(names.fieldFor("b")).isEqualTo("B");
        assertThat(names.fieldFor("b")).isEqualTo("B");
    }
}
