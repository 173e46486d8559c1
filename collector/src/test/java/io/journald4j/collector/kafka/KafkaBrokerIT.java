package io.journald4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves the broker fixture on what the collector's Kafka tests need: acked records survive kill -9 and restarts. */
class KafkaBrokerIT {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaBroker();
        timed("first start (format + start)", broker::start);
    }

    @AfterAll
    static void closeBroker() throws Exception {
        if (broker != null) {
            timed("close", () -> {
                broker.close();
                return null;
            });
            assertThat(broker.isRunning()).isFalse();
        }
    }

    /** A test that failed with the broker down must not fail the next one. */
    @BeforeEach
    void brokerRunning() throws Exception {
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    @Test
    void shouldKeepAckedRecordsAcrossKillAndRestart() throws Exception {
        broker.createTopic("crash", 3);

        send("crash", 0, 1000);
        assertThat(broker.endOffsetSum("crash")).isEqualTo(1000);

        timed("kill -9", () -> {
            broker.kill();
            return null;
        });
        assertThat(broker.isRunning()).isFalse();
        assertRefusesConnections(broker.bootstrap());

        timed("start after kill -9", broker::start);
        assertThat(broker.endOffsetSum("crash")).isEqualTo(1000);

        send("crash", 1000, 1010);
        assertThat(broker.endOffsetSum("crash")).isEqualTo(1010);
        List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("crash", 1010, Duration.ofSeconds(30));

        assertThat(records).hasSize(1010);
        assertThat(records.stream().map(KafkaBrokerIT::value))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 1010)
                        .mapToObj(KafkaBrokerIT::valueOf)
                        .toList());
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(3);
        for (List<Integer> numbers : numbersByPartition(records).values()) {
            assertThat(numbers).as("per-partition order").isSorted();
        }
    }

    @Test
    void shouldRestartAfterGracefulStop() throws Exception {
        broker.createTopic("graceful", 1);
        send("graceful", 0, 5);

        timed("stop (SIGTERM)", () -> {
            broker.stop();
            return null;
        });
        assertThat(broker.isRunning()).isFalse();
        assertRefusesConnections(broker.bootstrap());

        timed("start after stop", broker::start);
        assertThat(broker.endOffsetSum("graceful")).isEqualTo(5);
        List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("graceful", 5, Duration.ofSeconds(30));
        assertThat(records.stream().map(KafkaBrokerIT::value))
                .containsExactly("record-0", "record-1", "record-2", "record-3", "record-4");
        assertThat(records.stream().map(ConsumerRecord::offset)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void shouldRefuseASecondStartAndAnUnknownTopic() {
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> broker.readAll("no-such-topic", 1, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportTheBrokerLogWhenItCannotStart() throws Exception {
        try (KafkaBroker blocked = new KafkaBroker();
                ServerSocket squatter = new ServerSocket()) {
            squatter.bind(address(blocked.bootstrap()));

            assertThatThrownBy(blocked::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broker exited")
                    .hasMessageContaining("broker log tail")
                    .hasMessageContaining("Address already in use");
            assertThat(blocked.isRunning()).isFalse();
        }
    }

    /** Sends record-FROM .. record-(TO-1), keyed by number, idempotent with acks=all; returns once all are acked. */
    private static void send(String topic, int from, int to) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrap(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                30_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = from; i < to; i++) {
                byte[] key = Integer.toString(i).getBytes(StandardCharsets.UTF_8);
                byte[] value = valueOf(i).getBytes(StandardCharsets.UTF_8);
                acks.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (Future<RecordMetadata> ack : acks) {
                assertThat(ack.get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
            }
        }
    }

    private static String valueOf(int number) {
        return "record-" + number;
    }

    private static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static Map<Integer, List<Integer>> numbersByPartition(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, List<Integer>> byPartition = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            int number = Integer.parseInt(value(record).substring("record-".length()));
            byPartition
                    .computeIfAbsent(record.partition(), partition -> new ArrayList<>())
                    .add(number);
        }
        return byPartition;
    }

    private static void assertRefusesConnections(String bootstrap) {
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(address(bootstrap), 2000);
                    }
                })
                .isInstanceOf(ConnectException.class);
    }

    private static InetSocketAddress address(String bootstrap) {
        String[] hostPort = bootstrap.split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    /** Prints how long a fixture step took: the numbers the fixture's users budget their tests with. */
    private static <T> T timed(String step, Callable<T> action) throws Exception {
        long began = System.nanoTime();
        T result = action.call();
        System.out.println("KafkaBroker " + step + ": "
                + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
        return result;
    }
}
