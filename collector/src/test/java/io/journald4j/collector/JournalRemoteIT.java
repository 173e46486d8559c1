package io.journald4j.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journald4j.collector.config.CollectorConfig;
import io.journald4j.collector.config.OutputSpec;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.ring.RingFullPolicy;
import io.journald4j.collector.spool.SpoolFullPolicy;
import io.journald4j.collector.spool.SpoolSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The journal-remote output against a real systemd-journal-remote on loopback, stopped and restarted mid-run. */
class JournalRemoteIT {

    @TempDir
    Path dir;

    private Process startRemote(int port, String file) throws Exception {
        Process remote = new ProcessBuilder(
                        "/lib/systemd/systemd-journal-remote",
                        "--listen-http=127.0.0.1:" + port,
                        "--split-mode=none",
                        "--output=" + dir.resolve(file))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(file + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return remote;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("systemd-journal-remote did not listen on " + port);
    }

    private static void send(Path socket, String phase, int count) throws IOException {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.connect(AFUNIXSocketAddress.of(socket));
            for (int i = 0; i < count; i++) {
                java.io.ByteArrayOutputStream datagram = new java.io.ByteArrayOutputStream();
                datagram.writeBytes(("TEST=remote\nSEQ=" + phase + "-" + i + "\nMESSAGE=upload " + i + "\nBIN\n")
                        .getBytes(StandardCharsets.UTF_8));
                datagram.writeBytes(new byte[] {5, 0, 0, 0, 0, 0, 0, 0, 'a', '\n', 0, (byte) 0xFF, 'b', '\n'});
                channel.write(ByteBuffer.wrap(datagram.toByteArray()));
            }
        }
    }

    private List<JsonNode> uploaded() throws Exception {
        Process read = new ProcessBuilder(
                        "journalctl", "--directory=" + dir, "-o", "json", "--all", "--no-pager", "TEST=remote")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        read.waitFor(30, TimeUnit.SECONDS);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                entries.add(json.readTree(line));
            }
        }
        return entries;
    }

    private List<JsonNode> awaitUploaded(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<JsonNode> entries = uploaded();
        while (entries.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            entries = uploaded();
        }
        return entries;
    }

    @Test
    void shouldDeliverEveryEntryOnceAcrossAJournalRemoteRestart() throws Exception {
        int port = LoopbackPorts.free();
        Process remote = startRemote(port, "first.journal");
        try (RunningCollector running = new RunningCollector(
                dir.resolve("collector"), 1 << 20, List.of("journal-remote:http://127.0.0.1:" + port + "/upload"))) {
            send(running.socket, "before", 100);
            assertThat(awaitUploaded(100)).hasSize(100);

            remote.destroy();
            assertThat(remote.waitFor(30, TimeUnit.SECONDS)).isTrue();
            send(running.socket, "during", 100);
            running.await(RunningCollector.field("TEST", "remote"), 200);
            Thread.sleep(500);

            remote = startRemote(port, "second.journal");
            send(running.socket, "after", 100);
            List<JsonNode> entries = awaitUploaded(300);
            Set<String> distinct = new HashSet<>();
            entries.forEach(e -> distinct.add(e.get("SEQ").asText()));
            assertThat(entries).as("every entry exactly once").hasSize(300);
            assertThat(distinct).hasSize(300);
            assertThat(entries.get(0).get("__REALTIME_TIMESTAMP").asLong()).isPositive();
            assertThat(entries.get(0).get("BIN").toString())
                    .as("binary values survive the upload")
                    .isEqualTo("[97,10,0,255,98]");
            OutputMetrics output = running.collector.metrics().outputs().stream()
                    .filter(o -> o.name().startsWith("journal-remote:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(output.entries()).isEqualTo(300);
            assertThat(output.errors()).as("failed attempts while it was down").isPositive();
            assertThat(output.dropped()).isZero();
        } finally {
            remote.destroy();
            remote.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSpooledUploadOutlivesACollectorRestartWhileJournalRemoteIsDown() throws Exception {
        int port = LoopbackPorts.free();
        OutputSpec upload = OutputSpec.parse("journal-remote:http://127.0.0.1:" + port + "/upload")
                .withSpool(new SpoolSettings(
                        dir.resolve("spool"), 64L << 20, SpoolFullPolicy.BLOCK, java.time.Duration.ofMillis(200)));
        CollectorConfig defaults = CollectorConfig.defaults();
        CollectorConfig config = new CollectorConfig(
                        defaults.socket(),
                        defaults.maxDescriptorBytes(),
                        4L << 20,
                        4096,
                        RingFullPolicy.BLOCK,
                        List.of(upload),
                        null,
                        java.time.Duration.ofSeconds(2))
                .withSocketPath(dir.resolve("socket"));
        Collector first = Collector.start(config, new DaemonLog());
        try {
            send(dir.resolve("socket"), "spooled", 200);
            OutputMetrics output = first.metrics().outputs().get(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (output.spoolEntries() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(output.spoolEntries()).isEqualTo(200);
        } finally {
            first.stop(); // journal-remote never answered: the entries stay in the spool
        }
        Process remote = startRemote(port, "spooled.journal");
        Collector second = Collector.start(config, new DaemonLog());
        try {
            List<JsonNode> entries = awaitUploaded(200);
            Set<String> distinct = new HashSet<>();
            entries.forEach(e -> distinct.add(e.get("SEQ").asText()));
            assertThat(entries).as("every entry exactly once").hasSize(200);
            assertThat(distinct).hasSize(200);
            OutputMetrics output = second.metrics().outputs().get(0);
            assertThat(output.replayed()).isEqualTo(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (output.spoolEntries() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(output.spoolEntries())
                    .as("released once journal-remote confirmed")
                    .isZero();
        } finally {
            second.stop();
            remote.destroy();
            remote.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseAMalformedUrlAtConfiguration() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> io.journald4j.collector.config.OutputSpec.parse("journal-remote:ftp//nowhere"))
                .hasMessageContaining("journal-remote URL");
    }
}
