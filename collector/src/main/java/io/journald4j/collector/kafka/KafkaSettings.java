package io.journald4j.collector.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A kafka output's settings: where, how records are keyed and formatted, and producer properties
 * passed through from the config file ({@code [output.producer]}: TLS, SASL, tuning).
 *
 * @param target bootstrap servers and topic
 * @param key {@code host}, {@code none} or {@code field:NAME} ({@link RecordKey})
 * @param format {@code json} (the collector's JSON shape, one entry per record) or {@code export}
 *     (Journal Export Format, lossless for binary values)
 * @param producer producer properties that override the collector's defaults
 */
public record KafkaSettings(KafkaTarget target, String key, String format, Map<String, String> producer) {

    public static final String DEFAULT_KEY = "host";
    public static final String DEFAULT_FORMAT = "json";

    /** Properties the collector owns: the serializers match what it sends. */
    private static final Set<String> RESERVED = Set.of("key.serializer", "value.serializer");

    public KafkaSettings {
        RecordKey.validate(key);
        if (!"json".equals(format) && !"export".equals(format)) {
            throw new IllegalArgumentException("kafka format '" + format + "' must be json or export");
        }
        producer = Map.copyOf(producer);
        for (String name : producer.keySet()) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("producer property " + name + " is set by the collector");
            }
            if ("bootstrap.servers".equals(name)) {
                throw new IllegalArgumentException(
                        "producer property bootstrap.servers comes from the output target (BOOTSTRAP/TOPIC)");
            }
        }
    }

    public static KafkaSettings defaults(KafkaTarget target) {
        return new KafkaSettings(target, DEFAULT_KEY, DEFAULT_FORMAT, Map.of());
    }

    /**
     * The producer's configuration: idempotent with {@code acks=all} (no loss, no duplicates from
     * the producer's own retries), lz4-compressed batches of up to 256 KiB lingering 20 ms (many small
     * records travel together), {@code max.block.ms} bounded at 1 s and delivery given up after 30 s
     * (the spool, not the producer, rides out an outage); then the pass-through properties.
     */
    public Properties producerProperties(String clientId) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.put("bootstrap.servers", target.bootstrapServers());
        merged.put("client.id", clientId);
        merged.put("acks", "all");
        merged.put("enable.idempotence", "true");
        merged.put("max.in.flight.requests.per.connection", "5");
        merged.put("compression.type", "lz4");
        merged.put("linger.ms", "20");
        merged.put("batch.size", Integer.toString(256 * 1024));
        merged.put("max.block.ms", "1000");
        merged.put("request.timeout.ms", "10000");
        merged.put("delivery.timeout.ms", "30000");
        merged.put("reconnect.backoff.max.ms", "2000");
        merged.putAll(producer);
        merged.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        merged.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        Properties properties = new Properties();
        properties.putAll(merged);
        return properties;
    }
}
