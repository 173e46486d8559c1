package io.journald4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.journald4j.collector.EntrySender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector as users run it ({@code java -jar ... --output kafka:... --spool DIR}), crashed and restarted. */
class KafkaSpoolProcessIT extends RealBrokerTest {

    private static final Path JAR = Paths.get("target", "journald4j-collector-0.1.0-SNAPSHOT.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopCollectors() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Process collector(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(name + ".log").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        processes.add(process);
        return process;
    }

    private String log(String name) {
        try {
            Path file = dir.resolve(name + ".log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitLog(String name, String text, int occurrences) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (log(name).split(java.util.regex.Pattern.quote(text), -1).length - 1 < occurrences) {
            assertThat(System.nanoTime() - deadline)
                    .as("waiting for '%s' in %s", text, log(name))
                    .isNegative();
            Thread.sleep(50);
        }
    }

    private static String message(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value()).get("MESSAGE").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCollectorKilledWhileTheBrokerIsDownReplaysEverythingItHadSpooledEvenPastATornTail() throws Exception {
        broker.createTopic("crash", 1);
        broker.stop();
        Path socket = dir.resolve("socket");
        Path spool = dir.resolve("spool");
        String[] args = {
            "--listen",
            socket.toString(),
            "--output",
            "kafka:" + broker.bootstrap() + "/crash",
            "--spool",
            spool.toString(),
            "--spool-fsync-ms",
            "200"
        };
        Process first = collector("first", args);
        awaitLog("first", "listening on", 1);
        try (EntrySender sender = new EntrySender(socket)) {
            sender.sendNumbered("crash", 1000, "SYSLOG_IDENTIFIER=crash-test\n", 300);
        }
        Thread.sleep(1000); // longer than the fsync interval: everything received is on disk
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path newest;
        try (Stream<Path> files = Files.walk(spool)) {
            newest = files.filter(p -> p.toString().endsWith(".seg"))
                    .max(Path::compareTo)
                    .orElseThrow();
        }
        Files.write(newest, new byte[] {0, 0, 1}, StandardOpenOption.APPEND); // a write torn by the crash

        broker.start();
        collector("second", args);
        awaitLog("second", "torn header", 1);
        awaitLog("second", "holds 1000 unconfirmed messages to replay", 1);
        List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("crash", 1000, Duration.ofSeconds(90));
        Set<String> arrived = new HashSet<>();
        records.forEach(r -> arrived.add(message(r)));
        for (int i = 0; i < 1000; i++) {
            assertThat(arrived).contains("crash-" + i);
        }
        awaitLog("second", "replayed 1000 spooled messages", 1);
    }

    @Test
    void twoCollectorsPublishToOneTopicEachKeepingItsOwnOrder() throws Exception {
        broker.createTopic("fleet", 1);
        List<Path> sockets = List.of(dir.resolve("a.socket"), dir.resolve("b.socket"));
        for (int i = 0; i < 2; i++) {
            String name = "host-" + (char) ('a' + i);
            collector(
                    name,
                    "--listen",
                    sockets.get(i).toString(),
                    "--output",
                    "kafka:" + broker.bootstrap() + "/fleet",
                    "--spool",
                    dir.resolve(name + "-spool").toString());
            awaitLog(name, "listening on", 1);
        }
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path socket = sockets.get(i);
            String prefix = "host-" + (char) ('a' + i);
            Thread sender = new Thread(() -> {
                try (EntrySender entries = new EntrySender(socket)) {
                    entries.sendNumbered(prefix, 2000, "", 250);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("fleet", 4000, Duration.ofSeconds(90));
        assertThat(records).hasSize(4000);
        for (String prefix : List.of("host-a", "host-b")) {
            List<Integer> order = records.stream()
                    .map(KafkaSpoolProcessIT::message)
                    .filter(m -> m.startsWith(prefix + "-"))
                    .map(m -> Integer.parseInt(m.substring(prefix.length() + 1)))
                    .toList();
            assertThat(order).as(prefix + " in its send order").hasSize(2000).isSorted();
        }
    }

    @Test
    void afterACleanStopNothingConfirmedIsReplayed() throws Exception {
        broker.createTopic("clean-stop", 1);
        Path socket = dir.resolve("socket");
        String[] args = {
            "--listen", socket.toString(),
            "--output", "kafka:" + broker.bootstrap() + "/clean-stop",
            "--spool", dir.resolve("spool").toString()
        };
        Process first = collector("first", args);
        awaitLog("first", "listening on", 1);
        try (EntrySender sender = new EntrySender(socket)) {
            sender.sendNumbered("clean", 2000, "", 300);
        }
        assertThat(broker.readAll("clean-stop", 2000, Duration.ofSeconds(60))).hasSize(2000);
        first.destroy(); // SIGTERM: the spool records its progress before the JVM exits
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        collector("second", args);
        awaitLog("second", "listening on", 1);
        Thread.sleep(2000);
        assertThat(log("second")).doesNotContain("to replay");
        assertThat(broker.endOffsetSum("clean-stop")).as("no duplicates").isEqualTo(2000);
    }
}
