package io.journald4j.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalEncoderTest {

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private static byte[] binaryField(String name, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(name.getBytes(UTF_8));
        out.write('\n');
        long length = value.length;
        for (int i = 0; i < 8; i++) {
            out.write((int) (length >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(value);
        out.write('\n');
        return out.toByteArray();
    }

    @Test
    void shouldWriteSingleLineValuesInTextForm() {
        JournalEncoder encoder = new JournalEncoder();
        encoder.field("MESSAGE", "hello world").field("EMPTY", "");
        assertThat(new String(bytes(encoder.entry()), UTF_8)).isEqualTo("MESSAGE=hello world\nEMPTY=\n");
    }

    @Test
    void shouldWriteValuesWithNewlinesInBinaryForm() {
        JournalEncoder encoder = new JournalEncoder();
        encoder.field("MESSAGE", "line1\nline2");
        assertThat(bytes(encoder.entry())).isEqualTo(binaryField("MESSAGE", "line1\nline2".getBytes(UTF_8)));
    }

    @Test
    void shouldWriteExactUtf8ForEveryPlane() {
        String text = "grüße ✓ 日本 \uD83D\uDE00 =\t\u0000end";
        JournalEncoder encoder = new JournalEncoder();
        encoder.field("UTF8", text);
        assertThat(new String(bytes(encoder.entry()), UTF_8)).isEqualTo("UTF8=" + text + "\n");
    }

    @Test
    void shouldReplaceUnpairedSurrogatesLikeTheJdkEncoder() {
        String text = "a\uD800b\uDC00c\uD83D";
        JournalEncoder encoder = new JournalEncoder();
        encoder.field("S", text);
        assertThat(bytes(encoder.entry())).isEqualTo(("S=" + text + "\n").getBytes(UTF_8));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, -1, 42, 1_700_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
    void shouldWriteNumbersInDecimal(long value) {
        JournalEncoder encoder = new JournalEncoder();
        encoder.field("N", value);
        assertThat(new String(bytes(encoder.entry()), UTF_8)).isEqualTo("N=" + value + "\n");
    }

    @Test
    void shouldWriteRawBytesVerbatimAndChooseTheFormByNewline() {
        byte[] invalidUtf8 = {(byte) 0xFF, (byte) 0xFE, 0, 'x'};
        byte[] withNewline = {'a', '\n', (byte) 0xC3};
        JournalEncoder encoder = new JournalEncoder();
        encoder.field("RAW", invalidUtf8, 0, invalidUtf8.length).field("NL", withNewline, 0, withNewline.length);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("RAW=".getBytes(UTF_8));
        expected.writeBytes(invalidUtf8);
        expected.write('\n');
        expected.writeBytes(binaryField("NL", withNewline));
        assertThat(bytes(encoder.entry())).isEqualTo(expected.toByteArray());
    }

    @Test
    void shouldWriteANullValueAsEmpty() {
        JournalEncoder encoder = new JournalEncoder();
        encoder.field("MESSAGE", (CharSequence) null);
        assertThat(new String(bytes(encoder.entry()), UTF_8)).isEqualTo("MESSAGE=\n");
    }

    @Test
    void shouldWritePriorityAsASingleDigit() {
        JournalEncoder encoder = new JournalEncoder();
        encoder.priority(Priority.WARNING);
        assertThat(new String(bytes(encoder.entry()), UTF_8)).isEqualTo("PRIORITY=4\n");
    }

    /** Every length around the initial capacity, so that growth at each boundary is exercised. */
    @Test
    void shouldGrowExactlyAtEveryBufferBoundary() {
        for (int length = 0; length <= 80; length++) {
            for (String unit : new String[] {"a", "é", "✓", "\uD83D\uDE00", "\n"}) {
                JournalEncoder encoder = new JournalEncoder(16, 1 << 20);
                String value = unit.repeat(length);
                encoder.field("F", value).field("G", "x");
                EncodedFields decoded = EncodedFields.decode(encoder.entry());
                assertThat(decoded.entries).as("length %d of %s", length, unit).hasSize(1);
                assertThat(new String(decoded.entries.get(0).get(0).value, UTF_8))
                        .isEqualTo(value);
                assertThat(decoded.names(0)).containsExactly("F", "G");
            }
        }
    }

    @Test
    void shouldMarkTheEntryTooLargeInsteadOfExceedingTheLimit() {
        JournalEncoder encoder = new JournalEncoder(16, 64);
        encoder.field("A", "x".repeat(40));
        assertThat(encoder.isTooLarge()).isFalse();
        int before = encoder.size();
        encoder.field("B", "y".repeat(40)).field("C", "z");
        assertThat(encoder.isTooLarge()).isTrue();
        assertThat(encoder.size()).isEqualTo(before);
        encoder.reset();
        assertThat(encoder.isTooLarge()).isFalse();
        assertThat(encoder.size()).isZero();
    }

    @Test
    void shouldAcceptAFieldThatFillsTheLimitExactly() {
        JournalEncoder encoder = new JournalEncoder(16, 64);
        encoder.field("A", "x".repeat(64 - 3));
        assertThat(encoder.isTooLarge()).isFalse();
        assertThat(encoder.size()).isEqualTo(64);
    }

    @Test
    void shouldCountFieldsBeyondWhatJournaldKeeps() {
        JournalEncoder encoder = new JournalEncoder();
        for (int i = 0; i < JournalEncoder.MAX_FIELDS + 5; i++) {
            encoder.field("F", i);
        }
        assertThat(encoder.fieldCount()).isEqualTo(JournalEncoder.MAX_FIELDS);
        assertThat(encoder.droppedFields()).isEqualTo(5);
        assertThat(EncodedFields.decode(encoder.entry()).entries.get(0)).hasSize(JournalEncoder.MAX_FIELDS);
    }

    @Test
    void shouldReuseItsBufferAndLetGoOfOneGrownByAHugeEntry() {
        JournalEncoder encoder = new JournalEncoder(1024, 8 << 20);
        encoder.field("M", "x".repeat(100));
        ByteBuffer first = encoder.entry();
        encoder.reset().field("M", "y".repeat(100));
        assertThat(encoder.entry()).isSameAs(first);
        encoder.reset().field("M", "z".repeat(3 << 20));
        assertThat(encoder.entry().capacity()).isGreaterThan(3 << 20);
        encoder.reset().field("M", "small");
        assertThat(encoder.entry().capacity()).isEqualTo(1024);
    }
}
