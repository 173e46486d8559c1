package io.journald4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JSON shapes below were observed from journalctl 252 (research/protocol.md section 7.2). */
class JournalRecordTest {

    private final JournalRecord record =
            JournalRecord.parse("{\"MESSAGE\":\"line1\\nline2\",\"TABV\":\"a\\tb\",\"CTRL\":[120,7,121],"
                    + "\"NULVAL\":[97,0,98],\"DUP\":[\"one\",\"two\"],\"DUPB\":[\"text\",[255,254]],"
                    + "\"BIG\":null,\"EMPTY\":\"\"}");

    @Test
    void shouldReturnStringValuesAsText() {
        assertThat(record.text("MESSAGE")).isEqualTo("line1\nline2");
        assertThat(record.text("TABV")).isEqualTo("a\tb");
        assertThat(record.text("EMPTY")).isEmpty();
    }

    @Test
    void shouldReturnExactBytesOfByteArrayValues() {
        assertThat(record.bytes("CTRL")).containsExactly('x', 7, 'y');
        assertThat(record.bytes("NULVAL")).containsExactly('a', 0, 'b');
        assertThat(record.text("NULVAL")).isEqualTo("a\u0000b");
    }

    @Test
    void shouldReturnEveryValueOfRepeatedFields() {
        assertThat(record.texts("DUP")).containsExactly("one", "two");
        assertThat(record.allBytes("DUPB"))
                .containsExactly(
                        "text".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[] {(byte) 255, (byte) 254});
        assertThat(record.texts("CTRL")).containsExactly("x\u0007y");
    }

    @Test
    void shouldRefuseSingleValueAccessToRepeatedField() {
        assertThatThrownBy(() -> record.text("DUP"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("occurs 2 times");
    }

    @Test
    void shouldReportOmittedValuesClearly() {
        assertThat(record.has("BIG")).isTrue();
        assertThatThrownBy(() -> record.bytes("BIG"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("omitted");
    }

    @Test
    void shouldReturnNullOrEmptyForAbsentFields() {
        assertThat(record.has("NOPE")).isFalse();
        assertThat(record.text("NOPE")).isNull();
        assertThat(record.bytes("NOPE")).isNull();
        assertThat(record.texts("NOPE")).isEmpty();
        assertThat(record.fieldNames()).contains("MESSAGE", "DUP", "BIG").doesNotContain("NOPE");
    }
}
