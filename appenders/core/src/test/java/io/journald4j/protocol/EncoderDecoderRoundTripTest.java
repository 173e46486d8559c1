package io.journald4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A property test: whatever valid names and values go in, the decoder reads the same fields back. */
class EncoderDecoderRoundTripTest {

    private static final int CASES = 3000;
    private static final String NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    @Test
    void shouldDecodeExactlyWhatWasEncoded() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        JournalEncoder encoder = new JournalEncoder(16, 1 << 22);
        JournalDecoder decoder = new JournalDecoder();
        for (int c = 0; c < CASES; c++) {
            encoder.reset();
            List<String> names = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            int fieldCount = 1 + random.nextInt(12);
            for (int f = 0; f < fieldCount; f++) {
                String name = randomName(random);
                names.add(name);
                if (random.nextBoolean()) {
                    String text = randomText(random);
                    encoder.field(name, text);
                    values.add(text.getBytes(StandardCharsets.UTF_8));
                } else {
                    byte[] raw = randomBytes(random);
                    encoder.field(name, raw, 0, raw.length);
                    values.add(raw);
                }
            }
            EncodedFields decoded = new EncodedFields();
            decoder.decode(encoder.entry(), decoded);
            assertThat(decoded.malformations).as("seed %d case %d", seed, c).isEmpty();
            assertThat(decoded.entries).as("seed %d case %d", seed, c).hasSize(1);
            assertThat(decoded.names(0)).as("seed %d case %d", seed, c).isEqualTo(names);
            for (int f = 0; f < fieldCount; f++) {
                assertThat(decoded.entries.get(0).get(f).value)
                        .as("seed %d case %d field %d", seed, c, f)
                        .isEqualTo(values.get(f));
            }
        }
    }

    private static String randomName(Random random) {
        int length = 1 + random.nextInt(64);
        StringBuilder name = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        while (name.length() < length) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(300);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0:
                    text.append('\n');
                    break;
                case 1:
                    text.append((char) random.nextInt(0x80));
                    break;
                case 2:
                    text.append((char) (0x80 + random.nextInt(0x780)));
                    break;
                case 3:
                    text.appendCodePoint(0x10000 + random.nextInt(0x100000 - 0x10000));
                    break;
                case 4:
                    text.append("=\u0000\t\r");
                    break;
                default:
                    char c = (char) (0x800 + random.nextInt(0xD800 - 0x800));
                    text.append(c);
            }
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(400)];
        random.nextBytes(bytes);
        return bytes;
    }
}
