package io.journald4j.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journald4j.protocol.JournalEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"no-equals", "lower=x", "_TRUSTED=x", "PRIORITY=1", "MESSAGE=x", "=x"})
    void shouldRejectPairsJournaldWouldDropOrThatShadowContractFields(String pair) {
        assertThatThrownBy(() -> new StaticFields().add(pair))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("static field");
    }

    @org.junit.jupiter.api.Test
    void shouldWriteValuesVerbatimIncludingEqualsSigns() {
        StaticFields fields = new StaticFields();
        fields.add("DEPLOYMENT=blue");
        fields.add("QUERY=a=b");
        JournalEncoder encoder = new JournalEncoder();
        fields.writeTo(encoder);
        java.nio.ByteBuffer entry = encoder.entry();
        byte[] bytes = new byte[entry.remaining()];
        entry.get(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("DEPLOYMENT=blue\nQUERY=a=b\n");
    }
}
