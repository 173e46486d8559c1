package io.journald4j.collector.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.journald4j.collector.ingest.SocketSettings;
import io.journald4j.collector.kafka.KafkaSettings;
import io.journald4j.collector.kafka.KafkaTarget;
import io.journald4j.collector.kafka.RecordKey;
import io.journald4j.collector.ring.RingFullPolicy;
import io.journald4j.collector.spool.SpoolFullPolicy;
import io.journald4j.collector.spool.SpoolSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the TOML config file. Unknown keys, wrong types and invalid values are errors that name
 * the line and the reason ({@link ConfigException}); README lists every key.
 *
 * <pre>
 * [listen]
 * path = "/run/journald4j/socket"
 * mode = "0666"
 * [ring]
 * memory_bytes = 67108864
 * when_full = "block"
 * [[output]]
 * type = "jsonl"
 * target = "/var/log/journald4j/entries.jsonl"
 * </pre>
 */
public final class ConfigFile {

    private static final TomlMapper MAPPER = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ConfigFile() {}

    /** The configuration in {@code file}, on top of the built-in defaults. */
    public static CollectorConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return MAPPER.readValue(text, Document.class).toConfig();
        } catch (JsonMappingException e) {
            List<String> path = new ArrayList<>();
            for (JsonMappingException.Reference step : e.getPath()) {
                path.add(step.getFieldName() != null ? step.getFieldName() : Integer.toString(step.getIndex()));
            }
            String reason = e.getOriginalMessage().split("\n")[0];
            if (e.getCause() instanceof InvalidValueException) {
                path.add(((InvalidValueException) e.getCause()).key());
                reason = e.getCause().getMessage();
            } else if (e.getCause() instanceof IllegalArgumentException) {
                reason = e.getCause().getMessage();
            }
            throw new ConfigException(file + ":" + location(e, new TomlLines(text).lineOf(path)) + ": " + reason, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ":" + location(e, -1) + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    private static String location(JsonProcessingException e, int foundLine) {
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return Integer.toString(e.getLocation().getLineNr());
        }
        return foundLine > 0 ? Integer.toString(foundLine) : "?";
    }

    /** The file's top level. */
    record Document(
            Listen listen, Ring ring, Metrics metrics, Shutdown shutdown, SpoolTable spool, List<Output> output) {
        @JsonCreator
        Document(
                @JsonProperty("listen") Listen listen,
                @JsonProperty("ring") Ring ring,
                @JsonProperty("metrics") Metrics metrics,
                @JsonProperty("shutdown") Shutdown shutdown,
                @JsonProperty("spool") SpoolTable spool,
                @JsonProperty("output") List<Output> output) {
            this.listen = listen;
            this.ring = ring;
            this.metrics = metrics;
            this.shutdown = shutdown;
            this.spool = spool;
            this.output = output;
        }

        CollectorConfig toConfig() {
            CollectorConfig defaults = CollectorConfig.defaults();
            SocketSettings socket = listen == null ? defaults.socket() : listen.toSettings(defaults.socket());
            List<OutputSpec> outputs = new ArrayList<>();
            if (output != null) {
                output.forEach(o -> outputs.add(o.toSpec()));
            }
            if (spool != null) {
                SpoolSettings shared = spool.toSettings();
                outputs.replaceAll(o -> o.spool() == null && o.canSpool() ? o.spooledUnder(shared) : o);
            }
            return new CollectorConfig(
                    socket,
                    listen == null || listen.maxDescriptorBytes == null
                            ? defaults.maxDescriptorBytes()
                            : listen.maxDescriptorBytes,
                    ring == null || ring.memoryBytes == null ? defaults.ringMemoryBytes() : ring.memoryBytes,
                    ring == null || ring.slotBytes == null ? defaults.slotBytes() : ring.slotBytes,
                    ring == null || ring.whenFull == null ? defaults.whenFull() : RingFullPolicy.parse(ring.whenFull),
                    outputs.isEmpty() ? defaults.outputs() : outputs,
                    metrics == null || metrics.address == null ? null : CollectorConfig.parseAddress(metrics.address),
                    shutdown == null || shutdown.timeoutMs == null
                            ? defaults.shutdownTimeout()
                            : Duration.ofMillis(shutdown.timeoutMs));
        }
    }

    /** {@code [listen]}. */
    record Listen(String path, String mode, String owner, String group, Long maxDescriptorBytes) {
        @JsonCreator
        Listen(
                @JsonProperty("path") String path,
                @JsonProperty("mode") String mode,
                @JsonProperty("owner") String owner,
                @JsonProperty("group") String group,
                @JsonProperty("max_descriptor_bytes") Long maxDescriptorBytes) {
            this.path = path;
            this.mode = mode;
            this.owner = owner;
            this.group = group;
            this.maxDescriptorBytes = maxDescriptorBytes;
            if (mode != null) {
                InvalidValueException.check("mode", () -> CollectorConfig.parseMode(mode));
            }
        }

        SocketSettings toSettings(SocketSettings defaults) {
            return new SocketSettings(
                    path == null ? defaults.path() : Paths.get(path),
                    mode == null ? defaults.mode() : CollectorConfig.parseMode(mode),
                    owner,
                    group);
        }
    }

    /** {@code [ring]}. */
    record Ring(Long memoryBytes, Integer slotBytes, String whenFull) {
        @JsonCreator
        Ring(
                @JsonProperty("memory_bytes") Long memoryBytes,
                @JsonProperty("slot_bytes") Integer slotBytes,
                @JsonProperty("when_full") String whenFull) {
            this.memoryBytes = memoryBytes;
            this.slotBytes = slotBytes;
            this.whenFull = whenFull;
            if (whenFull != null) {
                InvalidValueException.check("when_full", () -> RingFullPolicy.parse(whenFull));
            }
        }
    }

    /** {@code [metrics]}. */
    record Metrics(String address) {
        @JsonCreator
        Metrics(@JsonProperty("address") String address) {
            this.address = address;
            if (address != null) {
                InvalidValueException.check("address", () -> CollectorConfig.parseAddress(address));
            }
        }
    }

    /** {@code [shutdown]}. */
    record Shutdown(Long timeoutMs) {
        @JsonCreator
        Shutdown(@JsonProperty("timeout_ms") Long timeoutMs) {
            this.timeoutMs = timeoutMs;
        }
    }

    /**
     * {@code [spool]}: a spool for every output that can have one, each in its own subdirectory of
     * {@code dir} (as {@code --spool DIR}).
     */
    record SpoolTable(String dir, Long maxBytes, String whenFull, Long fsyncIntervalMs) {
        @JsonCreator
        SpoolTable(
                @JsonProperty("dir") String dir,
                @JsonProperty("max_bytes") Long maxBytes,
                @JsonProperty("when_full") String whenFull,
                @JsonProperty("fsync_interval_ms") Long fsyncIntervalMs) {
            this.dir = dir;
            this.maxBytes = maxBytes;
            this.whenFull = whenFull;
            this.fsyncIntervalMs = fsyncIntervalMs;
            InvalidValueException.check("dir", () -> dir == null ? null : Paths.get(dir));
            if (dir == null) {
                throw new InvalidValueException("dir", new IllegalArgumentException("[spool] needs dir = \"PATH\""));
            }
            if (whenFull != null) {
                InvalidValueException.check("when_full", () -> SpoolFullPolicy.parse(whenFull));
            }
            InvalidValueException.check("max_bytes", this::toSettings);
        }

        SpoolSettings toSettings() {
            return spoolSettings(Paths.get(dir), maxBytes, whenFull, fsyncIntervalMs);
        }
    }

    public static SpoolSettings spoolSettings(Path dir, Long maxBytes, String whenFull, Long fsyncIntervalMs) {
        return new SpoolSettings(
                dir,
                maxBytes == null ? SpoolSettings.DEFAULT_MAX_BYTES : maxBytes,
                whenFull == null ? SpoolFullPolicy.BLOCK : SpoolFullPolicy.parse(whenFull),
                fsyncIntervalMs == null ? SpoolSettings.DEFAULT_FSYNC_INTERVAL : Duration.ofMillis(fsyncIntervalMs));
    }

    /** One {@code [[output]]}. */
    record Output(
            String type,
            String target,
            Integer batchSize,
            Long lingerMs,
            Long rotateBytes,
            Integer keep,
            String key,
            String format,
            Map<String, Object> producer,
            String spool,
            Long spoolMaxBytes,
            String spoolWhenFull,
            Long spoolFsyncIntervalMs) {
        @JsonCreator
        Output(
                @JsonProperty("type") String type,
                @JsonProperty("target") String target,
                @JsonProperty("batch_size") Integer batchSize,
                @JsonProperty("linger_ms") Long lingerMs,
                @JsonProperty("rotate_bytes") Long rotateBytes,
                @JsonProperty("keep") Integer keep,
                @JsonProperty("key") String key,
                @JsonProperty("format") String format,
                @JsonProperty("producer") Map<String, Object> producer,
                @JsonProperty("spool") String spool,
                @JsonProperty("spool_max_bytes") Long spoolMaxBytes,
                @JsonProperty("spool_when_full") String spoolWhenFull,
                @JsonProperty("spool_fsync_interval_ms") Long spoolFsyncIntervalMs) {
            this.type = type;
            this.target = target;
            this.batchSize = batchSize;
            this.lingerMs = lingerMs;
            this.rotateBytes = rotateBytes;
            this.keep = keep;
            this.key = key;
            this.format = format;
            this.producer = producer;
            this.spool = spool;
            this.spoolMaxBytes = spoolMaxBytes;
            this.spoolWhenFull = spoolWhenFull;
            this.spoolFsyncIntervalMs = spoolFsyncIntervalMs;
            InvalidValueException.check(
                    type == null || !OutputSpec.TYPES.contains(type) ? "type" : "target",
                    () -> new OutputSpec(type, target, 1, 0, 0, 0, null, null));
            if (key != null) {
                InvalidValueException.check("key", () -> RecordKey.validate(key));
            }
            if (spoolWhenFull != null) {
                InvalidValueException.check("spool_when_full", () -> SpoolFullPolicy.parse(spoolWhenFull));
            }
            InvalidValueException.check(spool == null && spoolMaxBytes != null ? "spool_max_bytes" : "spool", () -> {
                if (spool == null && (spoolMaxBytes != null || spoolWhenFull != null || spoolFsyncIntervalMs != null)) {
                    throw new IllegalArgumentException("spool_* settings need spool = \"DIR\"");
                }
                return spoolSettings();
            });
            InvalidValueException.check(
                    producer != null ? "producer" : format != null ? "format" : "type", this::toSpec);
        }

        private SpoolSettings spoolSettings() {
            return spool == null
                    ? null
                    : ConfigFile.spoolSettings(Paths.get(spool), spoolMaxBytes, spoolWhenFull, spoolFsyncIntervalMs);
        }

        OutputSpec toSpec() {
            KafkaSettings kafka = null;
            if ("kafka".equals(type)) {
                Map<String, String> properties = new LinkedHashMap<>();
                if (producer != null) {
                    producer.forEach((name, value) -> properties.put(name, String.valueOf(value)));
                }
                kafka = new KafkaSettings(
                        KafkaTarget.parse(target),
                        key == null ? KafkaSettings.DEFAULT_KEY : key,
                        format == null ? KafkaSettings.DEFAULT_FORMAT : format,
                        properties);
            } else if (key != null || format != null || producer != null) {
                throw new IllegalArgumentException("key, format and producer apply to kafka outputs only");
            }
            return new OutputSpec(
                    type,
                    target,
                    batchSize == null ? OutputSpec.DEFAULT_BATCH_SIZE : batchSize,
                    lingerMs == null ? 0 : lingerMs,
                    rotateBytes == null ? OutputSpec.DEFAULT_ROTATE_BYTES : rotateBytes,
                    keep == null ? OutputSpec.DEFAULT_KEEP : keep,
                    kafka,
                    spoolSettings());
        }
    }
}
