package io.journald4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A journald namespace of our own (DESIGN.md, "Real journald in tests"), so that the benchmark never
 * writes into the host's journal and can count exactly what arrived. Closing it stops the daemon and
 * deletes its configuration and journal files.
 */
public final class PrivateJournald implements AutoCloseable {

    private static final Path DAEMON = Paths.get("/lib/systemd/systemd-journald");

    private final String namespace;
    private final Path config;
    private final Process process;

    private PrivateJournald(String namespace, Path config, Process process) {
        this.namespace = namespace;
        this.config = config;
        this.process = process;
    }

    public static boolean isAvailable() {
        return Files.isExecutable(DAEMON) && Files.isWritable(Paths.get("/etc/systemd"));
    }

    /** Starts a journald for a fresh namespace and waits for its socket. */
    public static PrivateJournald start() throws IOException, InterruptedException {
        return start(command -> command);
    }

    /**
     * As {@link #start()}, with the daemon's command line passed through {@code launcher} first, e.g.
     * to run it in a network namespace with a chosen {@code max_dgram_qlen}.
     */
    public static PrivateJournald start(java.util.function.UnaryOperator<List<String>> launcher)
            throws IOException, InterruptedException {
        String namespace =
                "j4jbench" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
        Path config = Paths.get("/etc/systemd/journald@" + namespace + ".conf");
        // Without MaxRetentionSec, a namespace journald with no clients exits after 30 s idle.
        Files.writeString(config, "[Journal]\nRateLimitBurst=0\nMaxRetentionSec=1h\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(launcher.apply(List.of(DAEMON.toString(), namespace)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        PrivateJournald journald = new PrivateJournald(namespace, config, process);
        Runtime.getRuntime().addShutdownHook(new Thread(journald::closeQuietly, "journald-cleanup"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(journald.socketPath())) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                journald.close();
                throw new IOException("journald for namespace " + namespace + " did not create its socket");
            }
            Thread.sleep(20);
        }
        return journald;
    }

    public String namespace() {
        return namespace;
    }

    public long pid() {
        return process.pid();
    }

    public Path socketPath() {
        return Paths.get("/run/systemd/journal." + namespace + "/socket");
    }

    /** journald's user plus system CPU so far, read from {@code /proc}, in nanoseconds. */
    long cpuNanos() {
        return ProcessCpu.ofPid(process.pid());
    }

    /**
     * Counts the stored entries with {@code SYSLOG_IDENTIFIER=identifier}, polling journalctl until
     * {@code expected} are there or the count stops growing (journald writes asynchronously). Count
     * right after sending: journald deletes its oldest files once the journal reaches its size cap
     * (4 GiB by default, about six million of these entries).
     */
    public static long countEntries(String namespace, String identifier, long expected)
            throws IOException, InterruptedException {
        long previous = -1;
        for (int attempt = 0; attempt < 30; attempt++) {
            long count = readCount(namespace, identifier);
            if (count >= expected || count == previous) {
                return count;
            }
            previous = count;
            Thread.sleep(500);
        }
        return previous;
    }

    private static long readCount(String namespace, String identifier) throws IOException, InterruptedException {
        Process journalctl = new ProcessBuilder(
                        "journalctl",
                        "--namespace=" + namespace,
                        "--quiet",
                        "--no-pager",
                        "--output=cat",
                        "--output-fields=SYSLOG_IDENTIFIER",
                        "SYSLOG_IDENTIFIER=" + identifier)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long count = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(journalctl.getInputStream(), StandardCharsets.UTF_8))) {
            while (lines.readLine() != null) {
                count++;
            }
        }
        journalctl.waitFor();
        return count;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(config);
        String machineId = Files.readString(Paths.get("/etc/machine-id"), StandardCharsets.UTF_8)
                .trim();
        for (Path directory : List.of(
                Paths.get("/var/log/journal", machineId + "." + namespace),
                Paths.get("/run/log/journal", machineId + "." + namespace),
                Paths.get("/run/systemd/journal." + namespace))) {
            deleteTree(directory);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("cleaning up journald namespace " + namespace + " failed: " + e);
        }
    }

    /** Deletes a directory tree; a missing one is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
