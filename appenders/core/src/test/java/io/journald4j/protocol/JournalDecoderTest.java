package io.journald4j.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The malformed cases of research/protocol.md §1.3, each with the outcome journald 252 showed. */
class JournalDecoderTest {

    private static byte[] latin1(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private static byte[] binary(String name, long declaredLength, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(latin1(name + "\n"));
        for (int i = 0; i < 8; i++) {
            out.write((int) (declaredLength >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(latin1(value));
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void shouldSplitEntriesAtAnEmptyLine() {
        EncodedFields d = EncodedFields.decode(latin1("TEST=m5\nMESSAGE=entry A\n\nTEST=m5\nMESSAGE=entry B\n"));
        assertThat(d.entries).hasSize(2);
        assertThat(new String(d.entries.get(1).get(1).value, ISO_8859_1)).isEqualTo("entry B");
        assertThat(d.malformations).isEmpty();
    }

    @Test
    void shouldDropTheWholeDatagramWhenItStartsWithAnEmptyLine() {
        EncodedFields d = EncodedFields.decode(latin1("\nTEST=m10\nMESSAGE=x\n"));
        assertThat(d.entries).isEmpty();
        assertThat(d.malformations).containsExactly(Malformation.EMPTY_ENTRY);
    }

    @Test
    void shouldIgnoreCommentAndControlLines() {
        EncodedFields d = EncodedFields.decode(latin1("#comment\nA=1\n.control\nB=2\n"));
        assertThat(d.names(0)).containsExactly("A", "B");
    }

    @Test
    void shouldKeepFieldsBeforeTrailingNoise() {
        EncodedFields d = EncodedFields.decode(latin1("A=1\nLAST=nonl"));
        assertThat(d.names(0)).containsExactly("A");
        assertThat(d.malformations).containsExactly(Malformation.TRAILING_NOISE);
    }

    @Test
    void shouldSkipOnlyTheInvalidFields() {
        EncodedFields d = EncodedFields.decode(latin1("lower=x\nOK=1\n_PID=1\n=v\nHAS-DASH=1\nD1GIT=2\n"));
        assertThat(d.names(0)).containsExactly("OK", "D1GIT");
        assertThat(d.malformations)
                .containsOnly(Malformation.INVALID_FIELD_NAME)
                .hasSize(4);
    }

    @Test
    void shouldStoreNothingAndStopForAnEntryOfOnlyInvalidFields() {
        EncodedFields d = EncodedFields.decode(latin1("lower=x\n\nOK=1\n"));
        assertThat(d.entries).isEmpty();
        assertThat(d.malformations).containsExactly(Malformation.INVALID_FIELD_NAME, Malformation.NO_VALID_FIELDS);
    }

    @Test
    void shouldReadABinaryFieldWithNewlinesAndNul() {
        EncodedFields d = EncodedFields.decode(concat(binary("MESSAGE", 5, "a\nb\u0000c\n"), latin1("X=1\n")));
        assertThat(d.entries.get(0).get(0).value).isEqualTo(latin1("a\nb\u0000c"));
        assertThat(d.names(0)).containsExactly("MESSAGE", "X");
    }

    @Test
    void shouldAcceptAnEmptyBinaryValue() {
        EncodedFields d = EncodedFields.decode(binary("ZEROBIN", 0, "\n"));
        assertThat(d.entries.get(0).get(0).value).isEmpty();
    }

    @Test
    void shouldKeepEarlierFieldsWhenABinaryLengthRunsPastTheEnd() {
        EncodedFields d = EncodedFields.decode(concat(latin1("A=1\n"), binary("B", 100, "short\n"), latin1("C=3\n")));
        assertThat(d.names(0)).containsExactly("A");
        assertThat(d.malformations).containsExactly(Malformation.BAD_BINARY_FIELD);
    }

    @Test
    void shouldStopWhenABinaryValueIsNotFollowedByNewline() {
        EncodedFields d = EncodedFields.decode(concat(latin1("A=1\n"), binary("B", 2, "xyZ"), latin1("\nC=3\n")));
        assertThat(d.names(0)).containsExactly("A");
        assertThat(d.malformations).containsExactly(Malformation.BAD_BINARY_FIELD);
    }

    @Test
    void shouldStopWhenABinaryHeaderIsCutShort() {
        EncodedFields d = EncodedFields.decode(latin1("A=1\nBARE\n\u0001\u0000"));
        assertThat(d.names(0)).containsExactly("A");
        assertThat(d.malformations).containsExactly(Malformation.BAD_BINARY_FIELD);
    }

    @Test
    void shouldDropTheEntryForABinaryLengthOverTheFieldLimit() {
        EncodedFields d = EncodedFields.decode(concat(latin1("A=1\n"), binary("B", 1L << 40, "x\n")));
        assertThat(d.entries).isEmpty();
        assertThat(d.malformations).containsExactly(Malformation.FIELD_TOO_LARGE);
        EncodedFields unsigned = EncodedFields.decode(concat(latin1("A=1\n"), binary("B", -1L, "x\n")));
        assertThat(unsigned.malformations).containsExactly(Malformation.FIELD_TOO_LARGE);
    }

    @Test
    void shouldTreatCarriageReturnAsPartOfTheValue() {
        EncodedFields d = EncodedFields.decode(latin1("TEST=m12\r\n"));
        assertThat(d.entries.get(0).get(0).value).isEqualTo(latin1("m12\r"));
    }

    @Test
    void shouldKeepTheFirstEqualsSignAsTheSeparator() {
        EncodedFields d = EncodedFields.decode(latin1("EQ=a=b==\n"));
        assertThat(new String(d.entries.get(0).get(0).value, ISO_8859_1)).isEqualTo("a=b==");
    }

    @Test
    void shouldKeep1025FieldsAndDropAnEntryWithMore() {
        assertThat(EncodedFields.decode(fields(1025)).entries.get(0)).hasSize(1025);
        EncodedFields tooMany = EncodedFields.decode(fields(1026));
        assertThat(tooMany.entries).isEmpty();
        assertThat(tooMany.malformations).containsExactly(Malformation.TOO_MANY_FIELDS);
    }

    @Test
    void shouldDecodeTheSliceBetweenPositionAndLimitWithoutMovingThem() {
        ByteBuffer buffer = ByteBuffer.wrap(latin1("junkA=1\nmore"));
        buffer.position(4).limit(8);
        EncodedFields d = EncodedFields.decode(buffer);
        assertThat(d.names(0)).containsExactly("A");
        assertThat(buffer.position()).isEqualTo(4);
        assertThat(buffer.limit()).isEqualTo(8);
    }

    @Test
    void shouldDecodeFromADirectBuffer() {
        byte[] datagram = latin1("A=1\n\nB=2\n");
        ByteBuffer direct =
                ByteBuffer.allocateDirect(datagram.length).put(datagram).flip();
        assertThat(EncodedFields.decode(direct).entries).hasSize(2);
    }

    private static byte[] fields(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("F").append(i).append("=v\n");
        }
        return latin1(text.toString());
    }
}
