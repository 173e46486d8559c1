package io.journald4j.collector.config;

import io.journald4j.collector.kafka.KafkaSettings;
import io.journald4j.collector.kafka.KafkaTarget;
import io.journald4j.collector.spool.SpoolSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

/**
 * One output, as {@code --output TYPE:TARGET} or a {@code [[output]]} table names it.
 *
 * @param type {@code jsonl} (JSON lines), {@code export} (Journal Export Format), {@code journal}
 *     (forward to a journald socket), {@code journal-remote} (upload to systemd-journal-remote) or
 *     {@code kafka} (publish to a topic)
 * @param target {@code -} for standard output or a file path; the socket path, the upload URL, or
 *     {@code BOOTSTRAP/TOPIC}
 * @param batchSize most entries per write
 * @param lingerMillis how long a partial batch may wait for more entries
 * @param rotateBytes rotate a file output at this size; 0 never
 * @param keep rotated files to keep
 * @param kafka key, format and producer properties of a kafka output; null for other types
 * @param spool where and how the output spools on disk; null for none
 */
public record OutputSpec(
        String type,
        String target,
        int batchSize,
        long lingerMillis,
        long rotateBytes,
        int keep,
        KafkaSettings kafka,
        SpoolSettings spool) {

    static final Set<String> TYPES = Set.of("jsonl", "export", "journal", "journal-remote", "kafka");

    /** Types whose delivery a spool can confirm. */
    static final Set<String> SPOOLABLE = Set.of("jsonl", "export", "kafka", "journal-remote");

    public static final int DEFAULT_BATCH_SIZE = 1024;
    public static final long DEFAULT_ROTATE_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_KEEP = 5;

    public OutputSpec {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown output type '" + type
                    + "': use jsonl:-, jsonl:FILE, export:-, export:FILE, journal:SOCKET,"
                    + " journal-remote:http://HOST:19532/upload or kafka:HOST:9092/TOPIC");
        }
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("output " + type + " needs a target: - for stdout, or a file path");
        }
        if ("journal".equals(type) && "-".equals(target)) {
            throw new IllegalArgumentException(
                    "output journal needs a socket path, e.g. journal:/run/systemd/journal/socket");
        }
        if ("journal-remote".equals(type)) {
            parseUrl(target);
        }
        if ("kafka".equals(type)) {
            KafkaTarget parsed = KafkaTarget.parse(target);
            kafka = kafka == null ? KafkaSettings.defaults(parsed) : kafka;
        } else if (kafka != null) {
            throw new IllegalArgumentException("key, format and producer settings apply to kafka outputs only");
        }
        if (spool != null && !SPOOLABLE.contains(type)) {
            throw new IllegalArgumentException(
                    "a spool is available for kafka, journal-remote, jsonl and export outputs, not for " + type
                            + " (a local socket: the host's journald is the buffer)");
        }
        if (spool != null && "-".equals(target)) {
            throw new IllegalArgumentException("standard output needs no spool");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1: " + batchSize);
        }
        if (lingerMillis < 0 || rotateBytes < 0 || keep < 0) {
            throw new IllegalArgumentException("linger_ms, rotate_bytes and keep must not be negative");
        }
    }

    /** Parses {@code TYPE:TARGET} with default batching and rotation, and no spool. */
    public static OutputSpec parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("output '" + spec
                    + "' must be TYPE:TARGET, e.g. jsonl:-, export:/var/log/entries.export,"
                    + " journal:/run/systemd/journal/socket or kafka:broker1:9092/logs");
        }
        return new OutputSpec(
                spec.substring(0, colon),
                spec.substring(colon + 1),
                DEFAULT_BATCH_SIZE,
                0,
                DEFAULT_ROTATE_BYTES,
                DEFAULT_KEEP,
                null,
                null);
    }

    /** This output spooling per {@code settings}, in a subdirectory of its directory named after the output. */
    public OutputSpec spooledUnder(SpoolSettings settings) {
        return withSpool(settings.inDirectory(settings.directory().resolve(spoolName())));
    }

    /** Whether {@link #spooledUnder} applies: the type can spool and the target is not stdout. */
    public boolean canSpool() {
        return SPOOLABLE.contains(type) && !"-".equals(target);
    }

    public OutputSpec withSpool(SpoolSettings settings) {
        return new OutputSpec(type, target, batchSize, lingerMillis, rotateBytes, keep, kafka, settings);
    }

    /**
     * A directory name for this output's spool, stable across restarts and distinct per output:
     * the description with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _}.
     */
    public String spoolName() {
        StringBuilder name = new StringBuilder();
        for (char c : describe().toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            name.append(plain ? c : '_');
        }
        if (name.length() > 200) {
            name.setLength(180);
            name.append('-').append(Integer.toHexString(describe().hashCode()));
        }
        return name.toString();
    }

    /**
     * The upload URL of a {@code journal-remote} output, checked: http or https, with a host.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public URI url() {
        return parseUrl(target);
    }

    private static URI parseUrl(String target) {
        try {
            URI url = new URI(target);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException(
                        "journal-remote URL '" + target + "' must be http(s)://HOST:PORT/upload");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "journal-remote URL '" + target + "' is malformed: " + e.getMessage(), e);
        }
    }

    public boolean isStdout() {
        return "-".equals(target);
    }

    public Path file() {
        return Paths.get(target);
    }

    public String describe() {
        return type + ":" + target;
    }
}
