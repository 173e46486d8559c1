package io.journald4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * End-to-end throughput, CPU and allocation of one logging thread through Log4j 2 into a private
 * journald, in one run, round by round: raw pre-encoded datagrams (distinct ones are the like-for-like
 * baseline), journald4j's Log4j appender synchronously and behind an AsyncLogger (every event must
 * arrive; caller-side p50/p99 latency), and de.bwaldvogel's JNA appender; then the raw loop and the
 * appender into a plain datagram receiver, and Log4j's own floor. Prints medians and ratios.
 *
 * <p>Needs root: a journald namespace, and {@code unshare --mount} for the JNA peer, which can only send
 * to libsystemd's default socket (so the whole measurement then runs in a child JVM, see
 * {@link PeerNamespaceLauncher}). Cleans up its journald.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.journald4j.benchmarks.Log4jEndToEnd \
 *     --events=200000 --warmup=50000 --rounds=3
 * </pre>
 */
public final class Log4jEndToEnd {

    private Log4jEndToEnd() {}

    public static void main(String[] args) throws Exception {
        EndToEndOptions options = EndToEndOptions.parse(args);
        if (options.journaldNamespace != null) {
            measure(
                    options,
                    PeerNamespaceLauncher.DEFAULT_SOCKET,
                    options.journaldNamespace,
                    options.journaldPid,
                    true);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "JDK %s, %d CPUs, JVM args %s%n",
                System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (!PrivateJournald.isAvailable()) {
            System.out.println("NOTE: no systemd-journald or /etc/systemd not writable: nothing to measure");
            return;
        }
        int exitCode = 0;
        try (PrivateJournald journald = PrivateJournald.start()) {
            System.out.println("private journald: namespace " + journald.namespace() + ", pid " + journald.pid());
            if (options.peer && PeerNamespaceLauncher.isAvailable()) {
                exitCode = PeerNamespaceLauncher.run(
                        journald, Log4jEndToEnd.class, options.forChild(journald.namespace(), journald.pid()));
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

    private static void measure(EndToEndOptions options, Path socket, String namespace, long pid, boolean peer)
            throws Exception {
        Log4jHarness harness = new Log4jHarness(options);
        if (options.receiver) {
            try (DatagramSink sink = DatagramSink.open()) {
                harness.run(socket, namespace, pid, peer, sink);
            }
        } else {
            harness.run(socket, namespace, pid, peer, null);
        }
        new Log4jEndToEndReport(harness, System.out).print();
    }
}
