package io.journald4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * End-to-end throughput, CPU and allocation of one logging thread: the raw socket, journald4j's
 * Logback appender and gnieh's JNA appender, into a private journald and into a plain datagram
 * receiver, in the same run, round by round. Prints medians and the ratios against raw.
 *
 * <p>Needs root (a journald namespace, and {@code unshare --mount} for the peer, which can only send
 * to libsystemd's default socket; see {@link PeerNamespaceLauncher}). Cleans up its journald.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.journald4j.benchmarks.EndToEnd \
 *     --events=200000 --warmup=50000 --rounds=3
 * </pre>
 */
public final class EndToEnd {

    private EndToEnd() {}

    public static void main(String[] args) throws Exception {
        EndToEndOptions options = EndToEndOptions.parse(args);
        if (options.journaldNamespace != null) {
            // The child in the private mount namespace: libsystemd's default socket is our journald.
            Path socket = PeerNamespaceLauncher.DEFAULT_SOCKET;
            measure(options, socket, options.journaldNamespace, options.journaldPid, true);
            return;
        }
        printEnvironment();
        if (!options.journald) {
            measure(options, null, null, -1, false);
            return;
        }
        if (!PrivateJournald.isAvailable()) {
            System.out.println("NOTE: no systemd-journald or /etc/systemd not writable: journald variants skipped");
            measure(options, null, null, -1, false);
            return;
        }
        int exitCode = 0;
        try (PrivateJournald journald = PrivateJournald.start()) {
            System.out.println("private journald: namespace " + journald.namespace() + ", pid " + journald.pid());
            if (options.peer && PeerNamespaceLauncher.isAvailable()) {
                System.out.println("peer: measuring in a child JVM whose mount namespace maps "
                        + PeerNamespaceLauncher.DEFAULT_SOCKET + " to " + journald.socketPath());
                exitCode = PeerNamespaceLauncher.run(
                        journald, EndToEnd.class, options.forChild(journald.namespace(), journald.pid()));
            } else {
                if (options.peer) {
                    System.out.println("NOTE: unshare --mount is unavailable (not root?): peer skipped");
                }
                measure(options, journald.socketPath(), journald.namespace(), journald.pid(), false);
            }
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private static void measure(EndToEndOptions options, Path journalSocket, String namespace, long pid, boolean peer)
            throws Exception {
        EndToEndHarness harness = new EndToEndHarness(options);
        if (options.receiver) {
            try (DatagramSink sink = DatagramSink.open()) {
                harness.run(journalSocket, namespace, pid, peer, sink);
            }
        } else {
            harness.run(journalSocket, namespace, pid, peer, null);
        }
        new EndToEndReport(harness.samples(), harness.deliveries(), System.out).print();
    }

    private static void printEnvironment() throws Exception {
        String cpu = Files.readAllLines(Paths.get("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("model name"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse("unknown");
        System.out.printf(
                Locale.ROOT,
                "JDK %s (%s), %d CPUs (%s), JVM args %s%n",
                System.getProperty("java.vm.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                cpu,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
