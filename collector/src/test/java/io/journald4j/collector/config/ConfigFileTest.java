package io.journald4j.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journald4j.collector.ring.RingFullPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        return Files.write(
                dir.resolve("collector.toml"), String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadEverySection() throws Exception {
        CollectorConfig config = ConfigFile.read(write(
                "[listen]",
                "path = \"/run/j4j/socket\"",
                "mode = \"0660\"",
                "max_descriptor_bytes = 1048576",
                "[ring]",
                "memory_bytes = 1048576",
                "slot_bytes = 2048",
                "when_full = \"drop\"",
                "[metrics]",
                "address = \"127.0.0.1:9102\"",
                "[shutdown]",
                "timeout_ms = 3000",
                "[[output]]",
                "type = \"jsonl\"",
                "target = \"-\"",
                "[[output]]",
                "type = \"jsonl\"",
                "target = \"/var/log/j4j.jsonl\"",
                "batch_size = 10",
                "linger_ms = 50",
                "rotate_bytes = 1000",
                "keep = 2"));
        assertThat(config.socket().path()).isEqualTo(Paths.get("/run/j4j/socket"));
        assertThat(config.socket().mode()).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
        assertThat(config.maxDescriptorBytes()).isEqualTo(1048576);
        assertThat(config.whenFull()).isEqualTo(RingFullPolicy.DROP);
        assertThat(config.metrics().getPort()).isEqualTo(9102);
        assertThat(config.shutdownTimeout().toMillis()).isEqualTo(3000);
        assertThat(config.outputs())
                .extracting(OutputSpec::describe)
                .containsExactly("jsonl:-", "jsonl:/var/log/j4j.jsonl");
        assertThat(config.outputs().get(1).batchSize()).isEqualTo(10);
    }

    @Test
    void shouldNameTheLineOfAnUnknownKey() throws Exception {
        Path file = write("[listen]", "path = \"/tmp/x\"", "colour = \"blue\"");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3: ")
                .hasMessageContaining("colour");
    }

    @Test
    void shouldNameTheLineAndReasonOfAnInvalidValue() throws Exception {
        Path file = write("[ring]", "memory_bytes = 1048576", "when_full = \"sometimes\"");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":3")
                .hasMessageContaining("unknown ring-full policy 'sometimes'");
    }

    @Test
    void shouldRejectAnUnknownOutputType() throws Exception {
        Path file = write("[[output]]", "type = \"carrier-pigeon\"", "target = \"x\"");
        assertThatThrownBy(() -> ConfigFile.read(file)).hasMessageContaining("unknown output type 'carrier-pigeon'");
    }

    @Test
    void shouldReportSyntaxErrorsWithTheirLine() throws Exception {
        Path file = write("[listen]", "path = ", "");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":2");
    }

    @Test
    void shouldParseOutputFlags() {
        assertThat(OutputSpec.parse("jsonl:-").isStdout()).isTrue();
        assertThat(OutputSpec.parse("jsonl:/a/b.jsonl").file()).isEqualTo(Paths.get("/a/b.jsonl"));
        assertThatThrownBy(() -> OutputSpec.parse("stdout")).hasMessageContaining("TYPE:TARGET");
    }
}
