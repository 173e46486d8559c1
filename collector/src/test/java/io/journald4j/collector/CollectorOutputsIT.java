package io.journald4j.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.testing.JournalRecord;
import io.journald4j.testing.PrivateJournald;
import io.journald4j.testing.RequiresJournald;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.SendListener;
import io.journald4j.transport.SenderConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forwarding outputs against the real systems they feed: journald itself and systemd-journal-remote. */
@RequiresJournald
class CollectorOutputsIT {

    private static final byte[] BINARY = {'a', 0, (byte) 0xFF, '\n', 'b'};

    @TempDir
    Path dir;

    private static void sendSample(Path socket, String test, int count) {
        try (DatagramJournalSender sender =
                DatagramJournalSender.open(SenderConfig.defaults().withSocketPath(socket), SendListener.NONE)) {
            JournalEncoder encoder = new JournalEncoder();
            for (int i = 0; i < count; i++) {
                encoder.reset()
                        .field("TEST", test)
                        .field("MESSAGE", "entry " + i + "\nsecond line, grüße ✓")
                        .field("PRIORITY", 5)
                        .field("BIN", BINARY, 0, BINARY.length);
                assertThat(sender.send(encoder)).isTrue();
            }
        }
    }

    @Test
    void shouldForwardEveryEntryIntoJournaldWithWhatTheCollectorKnows() throws Exception {
        try (PrivateJournald journald = PrivateJournald.start();
                RunningCollector running =
                        new RunningCollector(dir, 64L << 20, List.of("journal:" + journald.socketPath()))) {
            sendSample(running.socket, "forward", 200);
            List<JournalRecord> entries = journald.awaitEntries("TEST", "forward", 200, Duration.ofSeconds(30));
            assertThat(entries).hasSize(200);
            JournalRecord first = entries.get(0);
            assertThat(first.text("MESSAGE")).isEqualTo("entry 0\nsecond line, grüße ✓");
            assertThat(first.text("PRIORITY")).isEqualTo("5");
            assertThat(first.bytes("BIN")).isEqualTo(BINARY);
            assertThat(Long.parseLong(first.text("J4J_RECEIVED_USEC"))).isPositive();
            assertThat(first.has("J4J_HOSTNAME")).isTrue();
            assertThat(running.collector.metrics().outputs())
                    .filteredOn(o -> o.name().startsWith("journal:"))
                    .singleElement()
                    .satisfies(o -> assertThat(o.entries()).isEqualTo(200));
        }
    }

    @Test
    void shouldWriteExportFilesThatJournalRemoteImportsLosslessly() throws Exception {
        Path export = dir.resolve("entries.export");
        try (RunningCollector running = new RunningCollector(dir, 64L << 20, List.of("export:" + export))) {
            sendSample(running.socket, "export", 50);
            running.await(RunningCollector.field("TEST", "export"), 50);
        }
        Path imported = dir.resolve("remote.journal");
        Process remote = new ProcessBuilder(
                        "/lib/systemd/systemd-journal-remote", "--output=" + imported, export.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("remote.log").toFile())
                .start();
        assertThat(remote.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(remote.exitValue())
                .as(Files.readString(dir.resolve("remote.log"), StandardCharsets.UTF_8))
                .isZero();

        Process read = new ProcessBuilder(
                        "journalctl", "--file=" + imported, "-o", "json", "--all", "--no-pager", "TEST=export")
                .redirectErrorStream(true)
                .start();
        List<JsonNode> entries = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                entries.add(json.readTree(line));
            }
        }
        assertThat(read.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(entries).hasSize(50);
        List<JsonNode> ours = new RunningCollectorLines(dir.resolve("out.jsonl")).lines();
        JsonNode first = entries.get(0);
        assertThat(first.get("MESSAGE").asText()).isEqualTo("entry 0\nsecond line, grüße ✓");
        assertThat(first.get("BIN")).isEqualTo(json.valueToTree(new int[] {97, 0, 255, 10, 98}));
        assertThat(first.get("__REALTIME_TIMESTAMP").asText())
                .as("journal-remote keeps the collector's receive time")
                .isEqualTo(ours.get(0).get("__REALTIME_TIMESTAMP").asText());
        assertThat(first.get("_HOSTNAME").asText())
                .isEqualTo(ours.get(0).get("_HOSTNAME").asText());
    }

    @Test
    void shouldCountWhatAFullDiskLosesWhileTheOtherOutputsKeepWriting() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("tiny"), "64k")) {
            Path tiny = disk.directory();
            try (RunningCollector running =
                    new RunningCollector(dir, 64L << 20, List.of("jsonl:" + tiny.resolve("full.jsonl")))) {
                try (DatagramJournalSender sender = DatagramJournalSender.open(
                        SenderConfig.defaults().withSocketPath(running.socket), SendListener.NONE)) {
                    JournalEncoder encoder = new JournalEncoder();
                    for (int i = 0; i < 2000; i++) {
                        encoder.reset().field("TEST", "disk").field("SEQ", i).field("MESSAGE", "x".repeat(200));
                        sender.send(encoder);
                    }
                }
                assertThat(running.await(RunningCollector.field("TEST", "disk"), 2000))
                        .hasSize(2000);
                var full = running.collector.metrics().outputs().stream()
                        .filter(o -> o.name().contains("full.jsonl"))
                        .findFirst()
                        .orElseThrow();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (full.entries() + full.dropped() < 2000 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(full.errors()).isPositive();
                assertThat(full.dropped()).isPositive();
                assertThat(full.entries() + full.dropped())
                        .as("every entry written or counted as dropped")
                        .isEqualTo(2000);
                assertThat(Files.readAllLines(tiny.resolve("full.jsonl"), StandardCharsets.UTF_8))
                        .as("no torn line")
                        .hasSize((int) full.entries())
                        .allMatch(line -> line.endsWith("}"));
            }
        }
    }

    @Test
    void shouldCountWhatAnUnreachableJournalLosesWhileTheOtherOutputsKeepWriting() throws Exception {
        Path absent = dir.resolve("no-journald-here/socket");
        try (RunningCollector running = new RunningCollector(dir, 64L << 20, List.of("journal:" + absent))) {
            sendSample(running.socket, "unreachable", 20);
            assertThat(running.await(RunningCollector.field("TEST", "unreachable"), 20))
                    .hasSize(20);
            var journal = running.collector.metrics().outputs().stream()
                    .filter(o -> o.name().startsWith("journal:"))
                    .findFirst()
                    .orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (journal.dropped() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(journal.dropped()).as("every entry counted as dropped").isEqualTo(20);
            assertThat(journal.entries()).isZero();
            assertThat(journal.errors()).isPositive();
        }
    }

    /** Reads a jsonl file the collector wrote (after it stopped). */
    private static final class RunningCollectorLines {
        private final Path file;

        RunningCollectorLines(Path file) {
            this.file = file;
        }

        List<JsonNode> lines() throws IOException {
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                nodes.add(json.readTree(line));
            }
            return nodes;
        }
    }
}
