package io.journald4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journald4j.collector.Collector;
import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.EntrySender;
import io.journald4j.collector.config.CollectorConfig;
import io.journald4j.collector.config.OutputSpec;
import io.journald4j.collector.metrics.CollectorMetrics;
import io.journald4j.collector.metrics.Health;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.output.HostFields;
import io.journald4j.collector.ring.RingFullPolicy;
import io.journald4j.collector.spool.SpoolFullPolicy;
import io.journald4j.collector.spool.SpoolSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The kafka output and the spool against a real single-node KRaft broker (a child process on loopback). */
class KafkaOutputIT extends RealBrokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<Collector> collectors = new ArrayList<>();

    @AfterEach
    void stopCollectors() {
        collectors.forEach(Collector::stop);
    }

    private Collector collector(Path socket, RingFullPolicy ringPolicy, long ringBytes, OutputSpec... outputs)
            throws IOException {
        CollectorConfig defaults = CollectorConfig.defaults();
        CollectorConfig config = new CollectorConfig(
                        defaults.socket(),
                        defaults.maxDescriptorBytes(),
                        ringBytes,
                        1024,
                        ringPolicy,
                        List.of(outputs),
                        null,
                        Duration.ofSeconds(10))
                .withSocketPath(socket);
        Collector collector = Collector.start(config, new DaemonLog());
        collectors.add(collector);
        return collector;
    }

    private Collector collector(OutputSpec... outputs) throws IOException {
        return collector(dir.resolve("socket"), RingFullPolicy.BLOCK, 4L * 1024 * 1024, outputs);
    }

    private OutputSpec kafka(String topic) {
        return OutputSpec.parse("kafka:" + broker.bootstrap() + "/" + topic);
    }

    private SpoolSettings spool(String name, long maxBytes, SpoolFullPolicy policy) {
        return new SpoolSettings(dir.resolve(name), maxBytes, policy, Duration.ofMillis(200));
    }

    private static JsonNode value(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> messages(List<ConsumerRecord<byte[], byte[]>> records) {
        Set<String> messages = new HashSet<>();
        records.forEach(r -> messages.add(value(r).get("MESSAGE").asText()));
        return messages;
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waiting for " + what).isNegative();
            Thread.sleep(50);
        }
    }

    private static OutputMetrics output(Collector collector, String prefix) {
        return collector.metrics().outputs().stream()
                .filter(o -> o.name().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void entriesArriveKeyedByHostWithTheJsonShapeAndTheReceiveTimeAsTimestamp() throws Exception {
        broker.createTopic("shape", 3);
        collector(kafka("shape"));
        try (EntrySender sender = new EntrySender(dir.resolve("socket"))) {
            sender.send("MESSAGE=hello kafka\nUSER_ID=42\nPRIORITY=6\n");
            byte[] binary = "MESSAGE=binary\nDATA\n\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000a\u0001b\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            sender.send(binary);
        }
        List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("shape", 2, ARRIVAL);
        assertThat(records).hasSize(2);
        String host = HostFields.readFromSystem().hostname();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(host);
            JsonNode entry = value(record);
            assertThat(entry.get("__REALTIME_TIMESTAMP").asLong() / 1000).isEqualTo(record.timestamp());
            assertThat(entry.get("_HOSTNAME").asText()).isEqualTo(host);
            assertThat(entry.get("_TRANSPORT").asText()).isEqualTo("journal");
        }
        assertThat(records.get(0).partition())
                .as("one host, one partition")
                .isEqualTo(records.get(1).partition());
        JsonNode hello = value(records.stream()
                .filter(r -> value(r).get("MESSAGE").asText().equals("hello kafka"))
                .findFirst()
                .orElseThrow());
        assertThat(hello.get("USER_ID").asText()).isEqualTo("42");
        JsonNode data = value(records.stream()
                        .filter(r -> value(r).get("MESSAGE").asText().equals("binary"))
                        .findFirst()
                        .orElseThrow())
                .get("DATA");
        assertThat(data.isArray())
                .as("a non-printable value is an array of bytes, as journalctl -o json")
                .isTrue();
        assertThat(data.toString()).isEqualTo("[97,1,98]");
    }

    @Test
    void aFieldCanBeTheKeyAndTheExportFormatTheValue() throws Exception {
        broker.createTopic("keyed", 3);
        String target = broker.bootstrap() + "/keyed";
        OutputSpec spec = new OutputSpec(
                "kafka",
                target,
                1024,
                0,
                0,
                0,
                new KafkaSettings(
                        KafkaTarget.parse(target), "field:SYSLOG_IDENTIFIER", "export", Map.of("linger.ms", "5")),
                null);
        collector(spec);
        try (EntrySender sender = new EntrySender(dir.resolve("socket"))) {
            for (int i = 0; i < 30; i++) {
                sender.send("MESSAGE=m" + i + "\nSYSLOG_IDENTIFIER=app" + (i % 3) + "\n");
            }
        }
        List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("keyed", 30, ARRIVAL);
        assertThat(records).hasSize(30);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            String key = new String(record.key(), StandardCharsets.UTF_8);
            assertThat(value).startsWith("__REALTIME_TIMESTAMP=").contains("\nSYSLOG_IDENTIFIER=" + key + "\n");
            assertThat(value).endsWith("\n\n");
        }
        for (String app : List.of("app0", "app1", "app2")) {
            assertThat(records.stream()
                            .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(app))
                            .map(ConsumerRecord::partition)
                            .distinct())
                    .as("all of " + app + " in one partition")
                    .hasSize(1);
        }
    }

    @Test
    void withASpoolEveryEntryArrivesAcrossABrokerRestartAndHealthSaysDegradedMeanwhile() throws Exception {
        broker.createTopic("restart", 1);
        Collector collector =
                collector(kafka("restart").withSpool(spool("spool", 64L * 1024 * 1024, SpoolFullPolicy.BLOCK)));
        try (EntrySender sender = new EntrySender(dir.resolve("socket"))) {
            sender.sendNumbered("before", 300, "", 200);
            assertThat(messages(broker.readAll("restart", 300, ARRIVAL))).hasSize(300);
            broker.stop();
            sender.sendNumbered("during", 300, "", 200);
            await("degraded health", () -> collector.health().level() == Health.Level.DEGRADED, Duration.ofSeconds(40));
            assertThat(collector.health().detail()).contains("kafka:" + broker.bootstrap() + "/restart is down");
            assertThat(output(collector, "kafka:").spoolEntries()).isPositive();
            broker.start();
            sender.sendNumbered("after", 300, "", 200);
        }
        Set<String> arrived = messages(broker.readAll("restart", 900, ARRIVAL));
        for (String phase : List.of("before", "during", "after")) {
            for (int i = 0; i < 300; i++) {
                assertThat(arrived).contains(phase + "-" + i);
            }
        }
        await("health ok again", () -> collector.health().level() == Health.Level.OK, Duration.ofSeconds(30));
        await("spool emptied", () -> output(collector, "kafka:").spoolEntries() == 0, Duration.ofSeconds(30));
    }

    @Test
    void aMissingTopicNeverHoldsTheRingAndItsEntriesArriveOnceTheTopicExists() throws Exception {
        Path lines = dir.resolve("lines.jsonl");
        Collector collector = collector(
                kafka("created-late").withSpool(spool("spool", 64L * 1024 * 1024, SpoolFullPolicy.BLOCK)),
                OutputSpec.parse("jsonl:" + lines));
        long started = System.nanoTime();
        try (EntrySender sender = new EntrySender(dir.resolve("socket"))) {
            sender.sendNumbered("late", 2000, "", 300);
        }
        await(
                "all 2000 in the jsonl output while kafka has no topic",
                () -> lineCount(lines) == 2000,
                Duration.ofSeconds(20));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .as("the jsonl output did not wait for kafka's max.block.ms per entry")
                .isLessThan(15_000);
        await("a timeout counted", () -> output(collector, "kafka:").sendErrors("timeout") > 0, Duration.ofSeconds(20));
        assertThat(collector.health().level()).isEqualTo(Health.Level.DEGRADED);
        broker.createTopic("created-late", 1);
        assertThat(messages(broker.readAll("created-late", 2000, ARRIVAL))).hasSize(2000);
    }

    @Test
    void aReloadHandsTheSpoolToTheNewOutputAndLosesNothing() throws Exception {
        broker.createTopic("reload", 1);
        OutputSpec spooled = kafka("reload").withSpool(spool("spool", 64L * 1024 * 1024, SpoolFullPolicy.BLOCK));
        Collector collector = collector(spooled);
        CollectorConfig running =
                CollectorConfig.defaults().withSocketPath(dir.resolve("socket")).withOutputs(List.of(spooled));
        try (EntrySender sender = new EntrySender(dir.resolve("socket"))) {
            sender.sendNumbered("first", 500, "", 200);
            assertThat(collector.reload(running)).isTrue();
            sender.sendNumbered("second", 500, "", 200);
        }
        Set<String> arrived = messages(broker.readAll("reload", 1000, ARRIVAL));
        for (int i = 0; i < 500; i++) {
            assertThat(arrived).contains("first-" + i, "second-" + i);
        }
    }

    private static long lineCount(Path file) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            byte[] bytes = Files.readAllBytes(file);
            long lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(SpoolFullPolicy.class)
    void atTheSpoolCapEveryEntryIsDeliveredOrCountedAsDroppedExactlyOnce(SpoolFullPolicy policy) throws Exception {
        String topic = "cap-" + policy.configName().replace('_', '-');
        broker.createTopic(topic, 1);
        broker.stop();
        int total = 2000;
        // Under block the spool holds the ring back, so the ring must drop (or the senders would wait for
        // the broker); under the drop policies every entry reaches the spool, and its cap decides.
        boolean block = policy == SpoolFullPolicy.BLOCK;
        Collector collector = collector(
                dir.resolve("socket"),
                block ? RingFullPolicy.DROP : RingFullPolicy.BLOCK,
                block ? 64 * 1024 : 4L * 1024 * 1024,
                kafka(topic).withSpool(spool("spool", 256 * 1024, policy)));
        OutputMetrics kafka = output(collector, "kafka:");
        try (EntrySender sender = new EntrySender(dir.resolve("socket"))) {
            sender.sendNumbered("cap", total, "", 600);
        }
        await("all received", () -> collector.metrics().datagrams() == total, Duration.ofSeconds(20));
        long ringDropped = collector.metrics().dropped(CollectorMetrics.Drop.RING_FULL);
        if (block) {
            assertThat(ringDropped).as("the spool held the ring back").isPositive();
        } else {
            await("the spool's drops", () -> kafka.dropped() > 0, Duration.ofSeconds(20));
            assertThat(ringDropped).isZero();
        }
        assertThat(kafka.spoolBytes()).isLessThanOrEqualTo(256 * 1024);
        broker.start();
        await(
                "every entry delivered or counted",
                () -> kafka.entries() + kafka.dropped() + collector.metrics().dropped(CollectorMetrics.Drop.RING_FULL)
                        == total,
                ARRIVAL);
        long delivered = kafka.entries();
        Set<String> arrived = messages(broker.readAll(topic, (int) delivered, ARRIVAL));
        assertThat((long) arrived.size()).as("distinct entries in the topic").isEqualTo(delivered);
        assertThat(arrived.size() + kafka.dropped() + collector.metrics().dropped(CollectorMetrics.Drop.RING_FULL))
                .isEqualTo(total);
        switch (policy) {
            case DROP_NEWEST:
                assertThat(kafka.spoolDropped("spool_full")).isEqualTo(kafka.dropped());
                assertThat(arrived).contains("cap-0").doesNotContain("cap-" + (total - 1));
                break;
            case DROP_OLDEST:
                assertThat(kafka.spoolDropped("oldest_deleted")).isEqualTo(kafka.dropped());
                assertThat(arrived.stream().filter(m -> Integer.parseInt(m.substring("cap-".length())) < 100))
                        .as("the oldest are gone, but for the one in flight when its segment was deleted")
                        .hasSizeLessThanOrEqualTo(1);
                assertThat(arrived.stream()
                                .mapToInt(m -> Integer.parseInt(m.substring("cap-".length())))
                                .max()
                                .orElseThrow())
                        .as("the newest entries are kept (the ring may have dropped a few itself)")
                        .isGreaterThan(total * 3 / 4);
                break;
            case BLOCK:
            default:
                assertThat(kafka.dropped())
                        .as("block loses nothing it accepted")
                        .isZero();
                assertThat(ringDropped).as("the ring's own policy took over").isPositive();
                assertThat(arrived).contains("cap-0");
        }
    }
}
