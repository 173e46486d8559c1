package io.journald4j.collector.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileSinkTest {

    @TempDir
    Path dir;

    @Test
    void shouldRotateBetweenBatchesAndKeepTheConfiguredNumber() throws Exception {
        Path file = dir.resolve("out.jsonl");
        byte[] line = "0123456789\n".getBytes(StandardCharsets.UTF_8);
        try (RotatingFileSink sink = new RotatingFileSink(file, 25, 2)) {
            for (int i = 0; i < 10; i++) {
                sink.write(line, 0, line.length, 1);
            }
        }
        assertThat(Files.size(file)).isEqualTo(22);
        assertThat(Files.size(dir.resolve("out.jsonl.1"))).isEqualTo(22);
        assertThat(Files.size(dir.resolve("out.jsonl.2"))).isEqualTo(22);
        assertThat(dir.resolve("out.jsonl.3")).doesNotExist();
    }
}
