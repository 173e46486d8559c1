package io.journald4j.collector.config;

import io.journald4j.collector.ingest.SocketSettings;
import io.journald4j.collector.ring.RingFullPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collector's whole configuration, after the config file and the flags are merged.
 *
 * @param socket where to listen
 * @param maxDescriptorBytes the largest entry accepted through a file descriptor
 * @param ringMemoryBytes the memory budget of all ring slots
 * @param slotBytes the inline size of one slot; larger messages get a one-off array
 * @param whenFull the ring-full policy
 * @param outputs where entries go
 * @param metrics the address of {@code /metrics} and {@code /health}, or null
 * @param shutdownTimeout how long SIGTERM may take to drain the ring and flush the outputs
 */
public record CollectorConfig(
        SocketSettings socket,
        long maxDescriptorBytes,
        long ringMemoryBytes,
        int slotBytes,
        RingFullPolicy whenFull,
        List<OutputSpec> outputs,
        InetSocketAddress metrics,
        Duration shutdownTimeout) {

    public static final long DEFAULT_MAX_DESCRIPTOR_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_RING_MEMORY = 64L * 1024 * 1024;
    public static final int DEFAULT_SLOT_BYTES = 4096;

    public CollectorConfig {
        if (outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException("at least one output is needed");
        }
        outputs = List.copyOf(outputs);
        Map<Path, String> spools = new HashMap<>();
        for (OutputSpec output : outputs) {
            if (output.spool() != null) {
                Path directory = output.spool().directory().toAbsolutePath().normalize();
                String other = spools.putIfAbsent(directory, output.describe());
                if (other != null) {
                    throw new IllegalArgumentException("outputs " + other + " and " + output.describe()
                            + " would share the spool directory " + directory + "; give one its own spool = \"DIR\"");
                }
            }
        }
        if (maxDescriptorBytes < 1 || ringMemoryBytes < slotBytes || slotBytes < 512) {
            throw new IllegalArgumentException(
                    "need max_descriptor_bytes >= 1, slot_bytes >= 512 and ring memory >= slot_bytes");
        }
    }

    /** The built-in default: listen in the runtime directory, print JSON lines to standard output. */
    public static CollectorConfig defaults() {
        return new CollectorConfig(
                new SocketSettings(defaultSocketPath(), SocketSettings.WORLD_WRITABLE, null, null),
                DEFAULT_MAX_DESCRIPTOR_BYTES,
                DEFAULT_RING_MEMORY,
                DEFAULT_SLOT_BYTES,
                RingFullPolicy.BLOCK,
                List.of(OutputSpec.parse("jsonl:-")),
                null,
                Duration.ofSeconds(10));
    }

    /**
     * {@code /run/journald4j/socket} for root; otherwise under {@code $XDG_RUNTIME_DIR}, or
     * {@code /tmp/journald4j-USER/} where that is unset.
     */
    static Path defaultSocketPath() {
        if ("root".equals(System.getProperty("user.name"))) {
            return Paths.get("/run/journald4j/socket");
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty()) {
            return Paths.get(runtime, "journald4j", "socket");
        }
        return Paths.get("/tmp", "journald4j-" + System.getProperty("user.name"), "socket");
    }

    public CollectorConfig withSocketPath(Path path) {
        SocketSettings moved = new SocketSettings(path, socket.mode(), socket.owner(), socket.group());
        return new CollectorConfig(
                moved, maxDescriptorBytes, ringMemoryBytes, slotBytes, whenFull, outputs, metrics, shutdownTimeout);
    }

    public CollectorConfig withOutputs(List<OutputSpec> newOutputs) {
        return new CollectorConfig(
                socket, maxDescriptorBytes, ringMemoryBytes, slotBytes, whenFull, newOutputs, metrics, shutdownTimeout);
    }

    public CollectorConfig withMetrics(InetSocketAddress address) {
        return new CollectorConfig(
                socket, maxDescriptorBytes, ringMemoryBytes, slotBytes, whenFull, outputs, address, shutdownTimeout);
    }

    /** Parses {@code HOST:PORT} (IPv6 as {@code [::1]:9102}). */
    public static InetSocketAddress parseAddress(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("metrics address '" + text + "' must be HOST:PORT, e.g. 127.0.0.1:9102");
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("metrics port must be 0-65535: " + text);
            }
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metrics address '" + text + "' has no numeric port", e);
        }
    }

    static java.util.Set<java.nio.file.attribute.PosixFilePermission> parseMode(String mode) {
        if (mode.matches("0?[0-7]{3}")) {
            String digits = mode.substring(mode.length() - 3);
            StringBuilder symbolic = new StringBuilder();
            for (char digit : digits.toCharArray()) {
                int bits = digit - '0';
                symbolic.append((bits & 4) != 0 ? 'r' : '-')
                        .append((bits & 2) != 0 ? 'w' : '-')
                        .append((bits & 1) != 0 ? 'x' : '-');
            }
            return PosixFilePermissions.fromString(symbolic.toString());
        }
        try {
            return PosixFilePermissions.fromString(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "socket mode '" + mode + "' must be octal like 0660 or symbolic like rw-rw----", e);
        }
    }
}
