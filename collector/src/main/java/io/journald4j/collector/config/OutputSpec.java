package io.journald4j.collector.config;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One output, as {@code --output TYPE:TARGET} or a {@code [[output]]} table names it.
 *
 * @param type {@code jsonl} (JSON lines), {@code export} (Journal Export Format) or {@code journal} (forward to a journald socket)
 * @param target {@code -} for standard output or a file path; for {@code journal}, the socket path
 * @param batchSize most entries per write
 * @param lingerMillis how long a partial batch may wait for more entries
 * @param rotateBytes rotate a file output at this size; 0 never
 * @param keep rotated files to keep
 */
public record OutputSpec(String type, String target, int batchSize, long lingerMillis, long rotateBytes, int keep) {

    private static final java.util.Set<String> TYPES = java.util.Set.of("jsonl", "export", "journal", "journal-remote");

    public static final int DEFAULT_BATCH_SIZE = 1024;
    public static final long DEFAULT_ROTATE_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_KEEP = 5;

    public OutputSpec {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(
                    "unknown output type '" + type
                            + "': use jsonl:-, jsonl:FILE, export:-, export:FILE, journal:SOCKET or journal-remote:http://HOST:19532/upload");
        }
        if ("journal".equals(type) && "-".equals(target)) {
            throw new IllegalArgumentException(
                    "output journal needs a socket path, e.g. journal:/run/systemd/journal/socket");
        }
        if ("journal-remote".equals(type)) {
            parseUrl(target);
        }
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("output " + type + " needs a target: - for stdout, or a file path");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1: " + batchSize);
        }
        if (lingerMillis < 0 || rotateBytes < 0 || keep < 0) {
            throw new IllegalArgumentException("linger_ms, rotate_bytes and keep must not be negative");
        }
    }

    /** Parses {@code TYPE:TARGET} with default batching and rotation. */
    public static OutputSpec parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "output '" + spec
                            + "' must be TYPE:TARGET, e.g. jsonl:-, export:/var/log/entries.export or journal:/run/systemd/journal/socket");
        }
        return new OutputSpec(
                spec.substring(0, colon),
                spec.substring(colon + 1),
                DEFAULT_BATCH_SIZE,
                0,
                DEFAULT_ROTATE_BYTES,
                DEFAULT_KEEP);
    }

    /**
     * The upload URL of a {@code journal-remote} output, checked: http or https, with a host.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public java.net.URI url() {
        return parseUrl(target);
    }

    private static java.net.URI parseUrl(String target) {
        try {
            java.net.URI url = new java.net.URI(target);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException(
                        "journal-remote URL '" + target + "' must be http(s)://HOST:PORT/upload");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
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
