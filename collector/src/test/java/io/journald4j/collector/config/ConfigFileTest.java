package io.journald4j.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journald4j.collector.ring.RingFullPolicy;
import io.journald4j.collector.spool.SpoolFullPolicy;
import io.journald4j.collector.spool.SpoolSettings;
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

    @Test
    void aKafkaOutputTakesKeyFormatSpoolAndPassThroughProducerProperties() throws Exception {
        CollectorConfig config = ConfigFile.read(write(
                "[[output]]",
                "type = \"kafka\"",
                "target = \"broker1:9093,broker2:9093/logs\"",
                "key = \"field:SYSLOG_IDENTIFIER\"",
                "format = \"export\"",
                "spool = \"/var/lib/j4j/spool/logs\"",
                "spool_max_bytes = 1048576",
                "spool_when_full = \"drop_oldest\"",
                "spool_fsync_interval_ms = 250",
                "[output.producer]",
                "\"security.protocol\" = \"SSL\"",
                "\"linger.ms\" = 5"));
        OutputSpec kafka = config.outputs().get(0);
        assertThat(kafka.kafka().target().bootstrapServers()).isEqualTo("broker1:9093,broker2:9093");
        assertThat(kafka.kafka().target().topic()).isEqualTo("logs");
        assertThat(kafka.kafka().key()).isEqualTo("field:SYSLOG_IDENTIFIER");
        assertThat(kafka.kafka().format()).isEqualTo("export");
        assertThat(kafka.kafka().producerProperties("id"))
                .containsEntry("security.protocol", "SSL")
                .containsEntry("linger.ms", "5")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("bootstrap.servers", "broker1:9093,broker2:9093");
        assertThat(kafka.spool())
                .isEqualTo(new SpoolSettings(
                        Paths.get("/var/lib/j4j/spool/logs"),
                        1048576,
                        SpoolFullPolicy.DROP_OLDEST,
                        java.time.Duration.ofMillis(250)));
    }

    @Test
    void theSpoolTableGivesEveryOutputThatCanSpoolItsOwnSubdirectory() throws Exception {
        CollectorConfig config = ConfigFile.read(write(
                "[spool]",
                "dir = \"/var/lib/j4j/spool\"",
                "when_full = \"drop_newest\"",
                "[[output]]",
                "type = \"kafka\"",
                "target = \"127.0.0.1:9092/logs\"",
                "[[output]]",
                "type = \"jsonl\"",
                "target = \"-\"",
                "[[output]]",
                "type = \"journal\"",
                "target = \"/run/systemd/journal/socket\""));
        assertThat(config.outputs().get(0).spool().directory())
                .isEqualTo(Paths.get("/var/lib/j4j/spool/kafka_127.0.0.1_9092_logs"));
        assertThat(config.outputs().get(0).spool().whenFull()).isEqualTo(SpoolFullPolicy.DROP_NEWEST);
        assertThat(config.outputs().get(0).spool().maxBytes()).isEqualTo(SpoolSettings.DEFAULT_MAX_BYTES);
        assertThat(config.outputs().get(1).spool()).as("stdout needs none").isNull();
        assertThat(config.outputs().get(2).spool()).as("journal cannot spool").isNull();
    }

    @Test
    void kafkaAndSpoolMistakesNameTheirLine() throws Exception {
        Path badPolicy = write(
                "[[output]]",
                "type = \"kafka\"",
                "target = \"127.0.0.1:9092/logs\"",
                "spool = \"/tmp/s\"",
                "spool_when_full = \"sometimes\"");
        assertThatThrownBy(() -> ConfigFile.read(badPolicy))
                .hasMessageContaining(badPolicy + ":5: spool_when_full: unknown spool when_full policy 'sometimes'");
        Path noTopic = write("[[output]]", "type = \"kafka\"", "target = \"127.0.0.1:9092\"");
        assertThatThrownBy(() -> ConfigFile.read(noTopic))
                .hasMessageContaining(noTopic + ":3:")
                .hasMessageContaining("BOOTSTRAP/TOPIC");
        Path badKey = write("[[output]]", "type = \"kafka\"", "target = \"127.0.0.1:9092/logs\"", "key = \"hostname\"");
        assertThatThrownBy(() -> ConfigFile.read(badKey)).hasMessageContaining(badKey + ":4: key:");
        Path spooledJournal = write(
                "[[output]]", "type = \"journal\"", "target = \"/run/systemd/journal/socket\"", "spool = \"/tmp/s\"");
        assertThatThrownBy(() -> ConfigFile.read(spooledJournal))
                .hasMessageContaining(
                        "a spool is available for kafka, journal-remote, jsonl and export outputs, not for journal");
        Path reserved = write(
                "[[output]]",
                "type = \"kafka\"",
                "target = \"127.0.0.1:9092/logs\"",
                "[output.producer]",
                "\"value.serializer\" = \"x\"");
        assertThatThrownBy(() -> ConfigFile.read(reserved))
                .hasMessageContaining("value.serializer is set by the collector");
        Path keyOnJsonl = write("[[output]]", "type = \"jsonl\"", "target = \"-\"", "key = \"host\"");
        assertThatThrownBy(() -> ConfigFile.read(keyOnJsonl)).hasMessageContaining("apply to kafka outputs only");
    }

    @Test
    void twoOutputsCannotShareASpoolDirectory() throws Exception {
        Path shared = write(
                "[[output]]",
                "type = \"kafka\"",
                "target = \"127.0.0.1:9092/a\"",
                "spool = \"/var/lib/j4j/spool/one\"",
                "[[output]]",
                "type = \"jsonl\"",
                "target = \"/var/log/j4j.jsonl\"",
                "spool = \"/var/lib/j4j/spool/one/\"");
        assertThatThrownBy(() -> ConfigFile.read(shared))
                .hasMessageContaining("would share the spool directory /var/lib/j4j/spool/one");
    }
}
