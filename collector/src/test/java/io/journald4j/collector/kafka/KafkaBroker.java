package io.journald4j.collector.kafka;

import io.journald4j.collector.LoopbackPorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) in a child JVM on 127.0.0.1.
 *
 * <p>A child process rather than Kafka's in-process test kit: it listens on loopback only, can be killed with SIGKILL
 * to test crash recovery, and shares neither heap, threads nor logging with the test JVM. {@link #stop()} or
 * {@link #kill()} then {@link #start()} reuse the same data directory and ports, so clients reconnect to the same
 * {@link #bootstrap()}. The directory lives under the module's {@code target/}: {@code mvn clean} sweeps what a
 * killed test JVM leaves behind. Not thread-safe: one test thread drives it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_BYTES = 16 * 1024;

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();
    private Process process;
    private int starts;

    /** Reserves a directory and two free loopback ports; {@link #start()} runs the broker. */
    public KafkaBroker() throws IOException {
        Path brokers = Files.createDirectories(moduleTargetDirectory().resolve("kafka-brokers"));
        directory = Files.createTempDirectory(brokers, "broker-");
        port = LoopbackPorts.free();
        int controller = LoopbackPorts.free();
        while (controller == port) {
            controller = LoopbackPorts.free();
        }
        controllerPort = controller;
    }

    /** {@code 127.0.0.1:PORT}, the same across restarts. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public Path directory() {
        return directory;
    }

    /** The broker's output (WARN and above), appended across restarts with a marker line per start and stop. */
    public Path logFile() {
        return directory.resolve("broker.log");
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the broker (formatting the storage on the first start) and returns once it serves clients; after a
     * {@link #kill()} this includes the wait for the controller to drop the dead broker's registration.
     *
     * @throws IllegalStateException if it is already running, exits early or is not ready within 60 s (then it is
     *     killed); the message carries the tail of {@link #logFile()}
     */
    public KafkaBroker start() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("broker already running on " + bootstrap());
        }
        Path serverProperties = BrokerConfigFiles.writeServerProperties(directory, port, controllerPort);
        Path logbackConfig = BrokerConfigFiles.writeLogbackConfig(directory);
        appendToLog("start #" + ++starts);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx512m",
                // Two cores shared with the test JVM: no GC threads, and C1 only. Measured here, C1 took a restart
                // from ~3 s to ~2 s, while 1 M records of 200 B took ~4 s to produce with and without C2.
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dlogback.configurationFile=" + logbackConfig,
                "-cp",
                absoluteClassPath(),
                KafkaChildMain.class.getName(),
                serverProperties.toString(),
                BrokerConfigFiles.dataDirectory(directory).toString(),
                clusterId);
        process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile().toFile()))
                .start();
        boolean ready = false;
        try {
            awaitReady();
            ready = true;
        } finally {
            if (!ready && process != null) {
                // Not ready, timed out or interrupted: never leave a half-started broker behind.
                process.destroyForcibly();
                process = null;
            }
        }
        return this;
    }

    /** Graceful stop (SIGTERM: Kafka's controlled shutdown); SIGKILL if it is not gone within 30 s. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            appendToLog("not stopped within " + STOP_TIMEOUT + " of SIGTERM: SIGKILL");
            kill();
            return;
        }
        process = null;
        appendToLog("stopped");
    }

    /** A crash: SIGKILL, no shutdown hook, no flush; returns once the process is gone and its ports are free. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("broker pid " + process.pid() + " survived SIGKILL for " + KILL_TIMEOUT);
        }
        process = null;
        appendToLog("killed");
    }

    /** Creates a topic (replication factor 1) and returns once every partition has a leader and answers offsets. */
    public void createTopic(String name, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
            while (true) {
                try {
                    List<TopicPartitionInfo> described = describe(admin, name).partitions();
                    if (described.size() == partitions && described.stream().allMatch(KafkaBroker::hasLeader)) {
                        endOffsets(admin, name, described);
                        return;
                    }
                } catch (ExecutionException e) {
                    // The broker's metadata may lag the controller's for a moment: retry what Kafka calls retriable.
                    if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(
                            "topic " + name + " has no leader for every partition after " + CLIENT_TIMEOUT);
                }
                Thread.sleep(50);
            }
        }
    }

    /** The sum of the end offsets (high watermarks) of all partitions of {@code topic}. */
    public long endOffsetSum(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = admin()) {
            return endOffsets(admin, topic, describe(admin, topic).partitions()).values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset)
                    .sum();
        }
    }

    /**
     * Reads {@code topic} from the beginning of all its partitions until at least {@code expectedAtLeast} records
     * arrived or {@code timeout} passed, whichever comes first; returns what it read (possibly fewer: assert on it).
     * Records come in poll order: offset order within a partition. Uses assign, so no consumer group is involved.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedAtLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic + " on " + bootstrap());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < expectedAtLeast) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                consumer.poll(Duration.ofNanos(
                                Math.min(remaining, Duration.ofMillis(200).toNanos())))
                        .forEach(records::add);
            }
        }
        return records;
    }

    /** Stops the broker and deletes its data; keeps {@link #logFile()} for a post-mortem until {@code mvn clean}. */
    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (InterruptedException e) {
            // Do not wait any longer: the broker dies at once, the data stays for mvn clean, the caller sees the flag.
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
            Thread.currentThread().interrupt();
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(logFile()) && !path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // The admin client logs a WARN per refused connection: wait for the listener quietly first.
        while (!acceptsConnections()) {
            failIfExitedOrLate(deadline, null);
            Thread.sleep(50);
        }
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
        try {
            while (true) {
                Exception notReady;
                try {
                    // Fenced brokers are left out of the answer: a node here is a broker that serves clients.
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                    notReady = null;
                } catch (ExecutionException | TimeoutException e) {
                    notReady = e;
                }
                failIfExitedOrLate(deadline, notReady);
                Thread.sleep(100);
            }
        } finally {
            // Bounded: when something else squats on the port, a request to it never ends and an
            // unbounded close would wait for it forever.
            admin.close(Duration.ofSeconds(5));
        }
    }

    private void failIfExitedOrLate(long deadline, Exception lastFailure) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "broker exited with status " + process.exitValue() + " before it was ready; " + logTail());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("broker not ready within " + START_TIMEOUT + "; " + logTail(), lastFailure);
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            // Refused or timed out: nothing listens yet, and the caller polls again.
            return false;
        }
    }

    private static TopicDescription describe(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic);
    }

    private static boolean hasLeader(TopicPartitionInfo partition) {
        return partition.leader() != null && !partition.leader().isEmpty();
    }

    /** Admin retries a partition without a leader (e.g. just after a restart) until its API timeout. */
    private static Map<TopicPartition, ListOffsetsResultInfo> endOffsets(
            Admin admin, String topic, List<TopicPartitionInfo> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(
                        partition -> new TopicPartition(topic, partition.partition()),
                        partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) CLIENT_TIMEOUT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                200));
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG,
                "kafka-broker-fixture-reader");
    }

    private void appendToLog(String event) {
        try {
            Files.writeString(
                    logFile(),
                    "---- " + Instant.now() + " KafkaBroker: " + event + " ----\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker logs at WARN only, so its whole log is small: read it and keep the end. */
    private String logTail() throws IOException {
        byte[] log = Files.readAllBytes(logFile());
        byte[] tail = Arrays.copyOfRange(log, Math.max(0, log.length - LOG_TAIL_BYTES), log.length);
        // new String replaces malformed bytes (the tail may start mid-character), where readString would throw.
        return "broker log tail (" + logFile() + "):\n" + new String(tail, StandardCharsets.UTF_8);
    }

    /** Under target/ so that mvn clean sweeps leftovers: test-classes' parent, or ./target outside Maven. */
    private static Path moduleTargetDirectory() {
        try {
            Path classes = Path.of(KafkaBroker.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(classes) && classes.getFileName().toString().equals("test-classes")) {
                return classes.getParent();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + KafkaBroker.class + " on disk", e);
        }
        return Path.of(System.getProperty("user.dir"), "target");
    }

    /** The child's working directory is the broker's: relative classpath entries would not resolve there. */
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
