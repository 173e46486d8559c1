package io.journald4j.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdTest {

    @ParameterizedTest
    @CsvSource({
        "0d6f6a5e6c3b4c529e1d3c8b0f0a7e21, 0d6f6a5e6c3b4c529e1d3c8b0f0a7e21",
        "0D6F6A5E6C3B4C529E1D3C8B0F0A7E21, 0d6f6a5e6c3b4c529e1d3c8b0f0a7e21",
        "0d6f6a5e-6c3b-4c52-9e1d-3c8b0f0a7e21, 0d6f6a5e6c3b4c529e1d3c8b0f0a7e21"
    })
    void shouldAcceptIdsInTheFormsUsersHoldThem(String value, String canonical) {
        assertThat(MessageId.canonical(value)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "42",
                "0d6f6a5e6c3b4c529e1d3c8b0f0a7e2",
                "0d6f6a5e6c3b4c529e1d3c8b0f0a7e2g",
                "--0d6f6a5e6c3b4c529e1d3c8b0f0a7e21--"
            })
    void shouldRejectAnythingElse(String value) {
        assertThat(MessageId.canonical(value)).isNull();
    }
}
