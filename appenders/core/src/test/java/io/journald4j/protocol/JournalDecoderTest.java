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

    /**
     * Lines of every length at every alignment, with bytes one bit away from '\n' and '=' around
     * them, in heap and direct buffers of either byte order, at a non-zero position: the word-wise
     * search must find exactly the fields a byte-wise split finds.
     */
    @Test
    void findsEveryLineAndEqualsSignWhateverTheAlignmentAndByteOrder() {
        java.util.Random random = new java.util.Random(42);
        byte[] near = {0x0b, (byte) (0x0a ^ 0x80), '=' ^ 0x01, (byte) ('=' ^ 0x80), 'A', 'z', ' ', (byte) 0xff};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            java.util.List<String> expected = new java.util.ArrayList<>();
            int fields = 1 + random.nextInt(5);
            for (int f = 0; f < fields; f++) {
                StringBuilder name = new StringBuilder("F");
                for (int k = random.nextInt(12); k > 0; k--) {
                    name.append((char) ('A' + random.nextInt(26)));
                }
                StringBuilder value = new StringBuilder();
                for (int k = random.nextInt(30); k > 0; k--) {
                    value.append((char) (near[random.nextInt(near.length)] & 0xff));
                }
                if (random.nextBoolean()) {
                    value.append('=');
                }
                expected.add(name + "=" + value);
                text.append(name).append('=').append(value).append('\n');
            }
            byte[] bytes = text.toString().getBytes(ISO_8859_1);
            int lead = random.nextInt(9);
            for (java.nio.ByteOrder order :
                    new java.nio.ByteOrder[] {java.nio.ByteOrder.BIG_ENDIAN, java.nio.ByteOrder.LITTLE_ENDIAN}) {
                for (boolean direct : new boolean[] {false, true}) {
                    ByteBuffer buffer = direct
                            ? ByteBuffer.allocateDirect(lead + bytes.length)
                            : ByteBuffer.allocate(lead + bytes.length);
                    buffer.order(order);
                    buffer.position(lead);
                    buffer.put(bytes);
                    buffer.position(lead);
                    java.util.List<String> found = new java.util.ArrayList<>();
                    new JournalDecoder().decode(buffer, entry -> {
                        for (int f = 0; f < entry.fieldCount(); f++) {
                            found.add(entry.name(f) + "=" + new String(entry.value(f), ISO_8859_1));
                        }
                    });
                    assertThat(found)
                            .as("round %d, %s, direct %s", round, order, direct)
                            .isEqualTo(expected);
                    assertThat(buffer.position()).isEqualTo(lead);
                }
            }
        }
    }
}
