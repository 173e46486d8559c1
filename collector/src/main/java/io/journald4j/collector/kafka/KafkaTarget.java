package io.journald4j.collector.kafka;

import java.util.regex.Pattern;

/**
 * Where a kafka output publishes: {@code BOOTSTRAP/TOPIC}, as in
 * {@code kafka:broker1:9092,broker2:9092/logs}.
 *
 * @param bootstrapServers comma-separated {@code HOST:PORT} list, as the producer's {@code bootstrap.servers}
 * @param topic the topic; it must exist (brokers usually do not create topics on first use)
 */
public record KafkaTarget(String bootstrapServers, String topic) {

    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private static final Pattern SERVER = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^:,/\\s\\[\\]]+):[0-9]{1,5}");

    public KafkaTarget {
        for (String server : bootstrapServers.split(",", -1)) {
            if (!SERVER.matcher(server).matches()) {
                throw new IllegalArgumentException("kafka bootstrap server '" + server
                        + "' must be HOST:PORT, e.g. kafka:broker1:9092,broker2:9092/logs");
            }
        }
        if (!TOPIC.matcher(topic).matches() || ".".equals(topic) || "..".equals(topic)) {
            throw new IllegalArgumentException(
                    "kafka topic '" + topic + "' must be 1-249 characters of letters, digits, '.', '_' or '-'");
        }
    }

    /** Parses {@code HOST:PORT[,HOST:PORT...]/TOPIC}. */
    public static KafkaTarget parse(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException(
                    "kafka output '" + text + "' must be BOOTSTRAP/TOPIC, e.g. kafka:broker1:9092,broker2:9092/logs");
        }
        return new KafkaTarget(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return bootstrapServers + "/" + topic;
    }
}
