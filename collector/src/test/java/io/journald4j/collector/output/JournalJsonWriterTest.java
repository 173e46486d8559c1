package io.journald4j.collector.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalJsonWriterTest {

    private static final HostFields HOST = new HostFields("host\"1", "b00t", null);

    private static String line(byte[] datagram) {
        JournalJsonWriter writer = new JournalJsonWriter(HOST);
        String[] result = new String[1];
        new JournalDecoder().decode(ByteBuffer.wrap(datagram), new DecodeListener() {
            @Override
            public void onEntry(DecodedEntry entry) {
                writer.write(entry, 1234);
                result[0] = new String(writer.bytes(), 0, writer.size(), StandardCharsets.UTF_8);
            }
        });
        return result[0];
    }

    private static byte[] binaryField(String name, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((name + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 8; i++) {
            out.write((int) ((long) value.length >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(value);
        out.write('\n');
        return out.toByteArray();
    }

    @Test
    void shouldWriteJournalctlJsonShapeWithCollectorFieldsAroundTheEntry() {
        String line = line("MESSAGE=hi \"you\" \\ there\nPRIORITY=6\n".getBytes(StandardCharsets.UTF_8));
        assertThat(line)
                .isEqualTo(
                        "{\"__REALTIME_TIMESTAMP\":\"1234\",\"MESSAGE\":\"hi \\\"you\\\" \\\\ there\",\"PRIORITY\":\"6\","
                                + "\"_TRANSPORT\":\"journal\",\"_HOSTNAME\":\"host\\\"1\",\"_BOOT_ID\":\"b00t\"}\n");
    }

    @Test
    void shouldGatherRepeatedFieldsIntoAnArrayInFirstAppearanceOrder() {
        String line = line("A=1\nDUP=one\nB=2\nDUP=two\nDUP=three\n".getBytes(StandardCharsets.UTF_8));
        assertThat(line).contains("\"A\":\"1\",\"DUP\":[\"one\",\"two\",\"three\"],\"B\":\"2\"");
    }

    @Test
    void shouldEscapeNewlineAndTabInsideStrings() {
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        datagram.writeBytes(binaryField("MESSAGE", "line1\nline2\tend".getBytes(StandardCharsets.UTF_8)));
        assertThat(line(datagram.toByteArray())).contains("\"MESSAGE\":\"line1\\nline2\\tend\"");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "61 00 62|[97,0,98]",
                "63 61 66 e9|[99,97,102,233]",
                "78 07 79|[120,7,121]",
                "7f|[127]",
                "c2 80|[194,128]",
                "ef b7 90|[239,183,144]",
                "ef bf be|[239,191,190]",
                "ed a0 80|[237,160,128]",
                "c0 af|[192,175]",
                "e0 80 af|[224,128,175]",
                "f4 90 80 80|[244,144,128,128]",
                "e2 9c|[226,156]",
                "67 72 c3 bc c3 9f 65 20 e2 9c 93 20 f0 9f 98 80|\"grüße ✓ 😀\"",
                "61 22 62 5c c3 bc 09|\"a\\\"b\\\\ü\\t\"",
                "61 22 62 5c 01|[97,34,98,92,1]",
                "61 22 62 7f|[97,34,98,127]"
            })
    void shouldShowNonPrintableValuesAsByteArraysLikeJournalctl(String hex, String json) {
        String[] parts = hex.split(" ");
        byte[] value = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            value[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        assertThat(line(binaryField("V", value))).contains("\"V\":" + json + ",");
    }
}
