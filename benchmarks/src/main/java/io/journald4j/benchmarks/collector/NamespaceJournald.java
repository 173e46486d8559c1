package io.journald4j.benchmarks.collector;

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
import java.util.stream.Stream;

/**
 * A private journald namespace for the comparison ({@code /lib/systemd/systemd-journald NAME}), started
 * in a network namespace with a chosen {@code max_dgram_qlen}; closing it stops the daemon and deletes
 * its configuration and journal files.
 */
final class NamespaceJournald implements AutoCloseable {

    private static final Path DAEMON = Paths.get("/lib/systemd/systemd-journald");

    private final String namespace;
    private final Path config;
    private final Process process;

    private NamespaceJournald(String namespace, Path config, Process process) {
        this.namespace = namespace;
        this.config = config;
        this.process = process;
    }

    static boolean isAvailable() {
        return Files.isExecutable(DAEMON) && Files.isWritable(Paths.get("/etc/systemd"));
    }

    static NamespaceJournald start(int qlen) throws IOException, InterruptedException {
        String namespace =
                "j4jcoll" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
        Path config = Paths.get("/etc/systemd/journald@" + namespace + ".conf");
        // Without MaxRetentionSec, a namespace journald with no clients exits after 30 s idle.
        Files.writeString(config, "[Journal]\nRateLimitBurst=0\nMaxRetentionSec=1h\n", StandardCharsets.UTF_8);
        Process process = Procs.start(new ProcessBuilder(Procs.inNetns(qlen, List.of(DAEMON.toString(), namespace)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        NamespaceJournald journald = new NamespaceJournald(namespace, config, process);
        try {
            Procs.waitForFile(journald.socketPath(), process, 10_000);
        } catch (IOException e) {
            journald.close();
            throw e;
        }
        return journald;
    }

    Path socketPath() {
        return Paths.get("/run/systemd/journal." + namespace + "/socket");
    }

    long pid() {
        return process.pid();
    }

    /** Entries stored with our identifier, polled until {@code expected} or until the count stops growing. */
    long countEntries(long expected) throws IOException, InterruptedException {
        long previous = -1;
        for (int attempt = 0; attempt < 60; attempt++) {
            long count = readCount();
            if (count >= expected || count == previous) {
                return count;
            }
            previous = count;
            Thread.sleep(500);
        }
        return previous;
    }

    private long readCount() throws IOException, InterruptedException {
        Process journalctl = new ProcessBuilder(
                        "journalctl",
                        "--namespace=" + namespace,
                        "--quiet",
                        "--no-pager",
                        "--output=cat",
                        "--output-fields=SYSLOG_IDENTIFIER",
                        "SYSLOG_IDENTIFIER=" + DatagramSender.IDENTIFIER)
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
        Procs.stop(process, 10);
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

    static void deleteTree(Path root) throws IOException {
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
