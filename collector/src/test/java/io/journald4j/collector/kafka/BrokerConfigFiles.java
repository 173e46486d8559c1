package io.journald4j.collector.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The files a {@link KafkaBroker} starts its JVM with, written into the broker's directory. */
final class BrokerConfigFiles {

    private BrokerConfigFiles() {}

    /** Where the broker keeps its logs and metadata (log.dirs). */
    static Path dataDirectory(Path directory) {
        return directory.resolve("data");
    }

    /** Broker and controller in one process, sized for a two-core machine, restartable fast after a kill. */
    static Path writeServerProperties(Path directory, int port, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", dataDirectory(directory).toString());
        // Tests create their topics: a typo must fail, not create a topic.
        properties.setProperty("auto.create.topics.enable", "false");
        // One node: internal topics with one replica and one partition.
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.num.partitions", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a SIGKILL the controller rejects the new incarnation until the old one's session expires (9 s default).
        properties.setProperty("broker.session.timeout.ms", "2000");
        properties.setProperty("broker.heartbeat.interval.ms", "500");
        // Allocated at start: 128 MiB by default, far more than test topics need.
        properties.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        // Two cores shared with the test JVM: fewer threads than the defaults (3 network, 8 I/O, 10 background).
        properties.setProperty("num.network.threads", "2");
        properties.setProperty("num.io.threads", "2");
        properties.setProperty("background.threads", "2");
        properties.setProperty("num.recovery.threads.per.data.dir", "1");
        Path file = directory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "written by " + KafkaBroker.class.getName());
        }
        return file;
    }

    /** The test classpath holds logback: without this the broker logs at DEBUG, thousands of lines per start. */
    static Path writeLogbackConfig(Path directory) throws IOException {
        Path file = directory.resolve("logback-broker.xml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "<configuration>",
                        "  <appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                        "    <encoder>",
                        "      <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>",
                        "      <charset>UTF-8</charset>",
                        "    </encoder>",
                        "  </appender>",
                        "  <!-- Covers kafka, org.apache.kafka and state.change.logger alike. -->",
                        "  <root level=\"WARN\"><appender-ref ref=\"out\"/></root>",
                        "</configuration>",
                        ""),
                StandardCharsets.UTF_8);
        return file;
    }
}
