package io.journald4j.benchmarks;

import io.journald4j.benchmarks.collector.Procs;
import io.journald4j.collector.LoopbackPorts;
import io.journald4j.collector.kafka.KafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The collector's kafka output against a real single-node KRaft broker, three ways in each round:
 *
 * <ul>
 *   <li>a plain {@code kafka-clients} producer loop sending the very records the collector makes
 *       (its JSON values, captured once beforehand), with the same producer settings;
 *   <li>entries sent to the collector's socket, published with the spool off;
 *   <li>the same with {@code --spool}.
 * </ul>
 *
 * Each rate is entries over the time from the first send until the topic's end offset (records the
 * broker acknowledged with {@code acks=all}) reaches the count; the collector gets a first, untimed
 * pass of the same entries (its JVM warm, as the baseline's is after round 1), and two threads send.
 * The socket's kernel queue is {@code net.unix.max_dgram_qlen} when the collector starts (printed;
 * systemd hosts have 512). Then the replay: entries spooled
 * while the broker is down, the collector killed with SIGKILL, broker and collector restarted; the
 * rate is entries over the time from the restart until all are in the topic. Run (the collector jar
 * built):
 *
 * <pre>
 * mvn -B -q -pl collector,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.journald4j.benchmarks.KafkaBenchmark --entries=200000 --rounds=3
 * </pre>
 */
public final class KafkaBenchmark {

    private static final Pattern SPOOL_ENTRIES = Pattern.compile("journald4j_spool_entries\\{[^}]*} (\\d+)");

    private KafkaBenchmark() {}

    public static void main(String[] args) throws Exception {
        EntriesAndRounds options = EntriesAndRounds.parse(args, 200_000, 3);
        int entries = options.entries();
        int rounds = options.rounds();
        CollectorProcess.requireJar();
        quietKafkaClientLogs();
        System.out.println("net.unix.max_dgram_qlen = " + Procs.hostQlen());
        Path work = Files.createTempDirectory("journald4j-kafka-");
        List<byte[]> datagrams = datagrams(entries);
        List<Double> spoolOverOff = new ArrayList<>();
        List<Double> spoolOverPlain = new ArrayList<>();
        List<Double> offOverPlain = new ArrayList<>();
        try (KafkaBroker broker = new KafkaBroker().start()) {
            List<byte[]> values = collectorValues(work, datagrams);
            for (int round = 1; round <= rounds; round++) {
                // The broker slows as its log grows: each round starts with a different variant.
                double plain = 0;
                double off = 0;
                double on = 0;
                for (int step = 0; step < 3; step++) {
                    switch ((round + step) % 3) {
                        case 0:
                            plain = plainProducer(broker, "plain-" + round, values);
                            break;
                        case 1:
                            off = viaCollector(broker, work, "off-" + round, datagrams, false);
                            break;
                        default:
                            on = viaCollector(broker, work, "on-" + round, datagrams, true);
                    }
                }
                spoolOverOff.add(on / off);
                spoolOverPlain.add(on / plain);
                offOverPlain.add(off / plain);
                System.out.printf(
                        Locale.ROOT,
                        "round %d  plain producer %,9.0f/s  collector spool off %,9.0f/s  spool on %,9.0f/s"
                                + "  on/off %.2fx  on/plain %.2fx  off/plain %.2fx%n",
                        round,
                        plain,
                        off,
                        on,
                        on / off,
                        on / plain,
                        off / plain);
            }
            System.out.printf(
                    Locale.ROOT,
                    "median  spool on / spool off %.2fx   spool on / plain producer %.2fx   spool off / plain %.2fx%n",
                    CollectorProcess.median(spoolOverOff),
                    CollectorProcess.median(spoolOverPlain),
                    CollectorProcess.median(offOverPlain));
            replay(broker, work, datagrams);
        } finally {
            PrivateJournald.deleteTree(work);
        }
    }

    /** Kafka's clients log at DEBUG through the benchmark jar's Logback by default: that would slow the baseline. */
    private static void quietKafkaClientLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** Distinct entries, about 230 bytes each, as an application would send them. */
    private static List<byte[]> datagrams(int count) {
        List<byte[]> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(("SYSLOG_IDENTIFIER=orders\nPRIORITY=6\nMESSAGE=order " + i
                            + " accepted for customer 42, payment authorised, shipping scheduled\n"
                            + "LOGGER_NAME=com.example.orders.OrderService\nTHREAD_NAME=http-nio-8080-exec-7\n"
                            + "SEQ=" + i + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return all;
    }

    /** The record values the collector makes from {@code datagrams}: its jsonl output, one line per entry. */
    private static List<byte[]> collectorValues(Path work, List<byte[]> datagrams) throws Exception {
        Path socket = work.resolve("values.socket");
        Path lines = work.resolve("values.jsonl");
        Path config = Files.writeString(
                work.resolve("values.toml"),
                "[[output]]\ntype = \"jsonl\"\ntarget = \"" + lines + "\"\nrotate_bytes = 0\n",
                StandardCharsets.UTF_8);
        Process collector =
                CollectorProcess.start(work, "values", "--listen", socket.toString(), "--config", config.toString());
        try {
            CollectorProcess.sendAll(socket, datagrams);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (lineCount(lines) < datagrams.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the collector wrote " + lineCount(lines) + " values");
                }
                Thread.sleep(50);
            }
        } finally {
            CollectorProcess.stop(collector);
        }
        List<byte[]> values = new ArrayList<>(datagrams.size());
        for (String line : Files.readAllLines(lines, StandardCharsets.UTF_8)) {
            values.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long count = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }

    /** The baseline: the same records from a plain producer loop with the collector's producer settings. */
    private static double plainProducer(KafkaBroker broker, String topic, List<byte[]> values) throws Exception {
        broker.createTopic(topic, 1);
        Properties properties = new Properties();
        properties.put("bootstrap.servers", broker.bootstrap());
        properties.put("acks", "all");
        properties.put("enable.idempotence", "true");
        properties.put("compression.type", "lz4");
        properties.put("linger.ms", "20");
        properties.put("batch.size", Integer.toString(256 * 1024));
        byte[] key = "bench-host".getBytes(StandardCharsets.UTF_8);
        CountDownLatch acknowledged = new CountDownLatch(values.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic); // metadata first, as the collector has it after its first entry
            long start = System.nanoTime();
            long timestamp = System.currentTimeMillis();
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, null, timestamp, key, value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    acknowledged.countDown();
                });
            }
            if (!acknowledged.await(5, TimeUnit.MINUTES) || failure.get() != null) {
                throw new IllegalStateException("plain producer: not all acknowledged", failure.get());
            }
            return values.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double viaCollector(
            KafkaBroker broker, Path work, String topic, List<byte[]> datagrams, boolean spool) throws Exception {
        broker.createTopic(topic, 1);
        Path socket = work.resolve(topic + ".socket");
        List<String> args = new ArrayList<>(
                List.of("--listen", socket.toString(), "--output", "kafka:" + broker.bootstrap() + "/" + topic));
        if (spool) {
            args.addAll(List.of("--spool", work.resolve(topic + "-spool").toString()));
        }
        Process collector = CollectorProcess.start(work, topic, args.toArray(new String[0]));
        try {
            // A first pass warms the collector's JVM (the plain producer runs in a warm one) and fetches metadata.
            sendFromTwoThreads(socket, datagrams);
            awaitOffset(broker, topic, datagrams.size());
            long start = System.nanoTime();
            sendFromTwoThreads(socket, datagrams);
            awaitOffset(broker, topic, 2L * datagrams.size());
            return datagrams.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            CollectorProcess.stop(collector);
        }
    }

    /** Spooled while the broker is down, SIGKILL, both restarted: how fast the spool reaches the topic. */
    private static void replay(KafkaBroker broker, Path work, List<byte[]> datagrams) throws Exception {
        String topic = "replay";
        broker.createTopic(topic, 1);
        broker.stop();
        Path socket = work.resolve("replay.socket");
        int metricsPort = LoopbackPorts.free();
        String[] args = {
            "--listen",
            socket.toString(),
            "--output",
            "kafka:" + broker.bootstrap() + "/" + topic,
            "--spool",
            work.resolve("replay-spool").toString(),
            "--metrics",
            "127.0.0.1:" + metricsPort
        };
        Process first = CollectorProcess.start(work, "replay-1", args);
        CollectorProcess.sendAll(socket, datagrams);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (spooledEntries(metricsPort) < datagrams.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + spooledEntries(metricsPort) + " spooled");
            }
            Thread.sleep(50);
        }
        Thread.sleep(1500); // past the fsync interval
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        broker.start();
        long start = System.nanoTime();
        Process second = CollectorProcess.start(work, "replay-2", args);
        try {
            awaitOffset(broker, topic, datagrams.size());
            double seconds = (System.nanoTime() - start) / 1e9;
            CollectorProcess.awaitLog(second, CollectorProcess.log(work, "replay-2"), "replayed");
            String own = Files.readAllLines(CollectorProcess.log(work, "replay-2"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("replayed"))
                    .findFirst()
                    .orElse("");
            System.out.printf(
                    Locale.ROOT,
                    "replay after kill -9: %,d entries in %.1f s from the restart (JVM start included) = %,.0f/s%n"
                            + "  collector's own report: %s%n",
                    datagrams.size(),
                    seconds,
                    datagrams.size() / seconds,
                    own.substring(own.indexOf("replayed")));
        } finally {
            CollectorProcess.stop(second);
        }
    }

    private static long spooledEntries(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher matcher = SPOOL_ENTRIES.matcher(response.body());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static void awaitOffset(KafkaBroker broker, String topic, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (broker.endOffsetSum(topic) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + ": " + broker.endOffsetSum(topic) + " of " + expected);
            }
            Thread.sleep(10);
        }
    }

    /** Two senders, as two application threads (one blocking sender alone cannot keep the socket busy). */
    private static void sendFromTwoThreads(Path socket, List<byte[]> datagrams) throws Exception {
        int half = datagrams.size() / 2;
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                CollectorProcess.sendAll(socket, datagrams.subList(half, datagrams.size()));
            } catch (IOException e) {
                failure.set(e);
            }
        });
        other.start();
        CollectorProcess.sendAll(socket, datagrams.subList(0, half));
        other.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
