package io.journald4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The collector's forwarding outputs against the systems they feed, each beside its baseline in the same run:
 *
 * <ul>
 *   <li>{@code journal:} output: entries sent to the collector and forwarded into a private journald,
 *       against a raw loop sending the same pre-encoded entries straight into that journald;
 *   <li>{@code journal-remote:} output: entries sent to the collector and uploaded to a real
 *       systemd-journal-remote, against journal-remote importing the same entries from an export file.
 * </ul>
 *
 * Each rate is entries over the time from the first send until the destination has stored the last
 * one, so both sides include the destination's own ingest. Arrival is polled cheaply (the newest
 * entry's sequence number, {@code journalctl -n 1}: one sender, order kept) and the full count is
 * checked once at the end. Run (root; the collector jar built):
 *
 * <pre>
 * mvn -B -q -pl collector,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.journald4j.benchmarks.ForwardBenchmark --entries=100000 --rounds=3
 * </pre>
 */
public final class ForwardBenchmark {

    private ForwardBenchmark() {}

    public static void main(String[] args) throws Exception {
        EntriesAndRounds options = EntriesAndRounds.parse(args, 100_000, 3);
        int entries = options.entries();
        int rounds = options.rounds();
        CollectorProcess.requireJar();
        Path work = Files.createTempDirectory("journald4j-forward-");
        List<Double> journalRatios = new ArrayList<>();
        List<Double> remoteRatios = new ArrayList<>();
        try (PrivateJournald journald = PrivateJournald.start()) {
            for (int round = 1; round <= rounds; round++) {
                double raw = rawIntoJournald(journald, entries, "raw-" + round);
                double forwarded = forwardedIntoJournald(journald, work, entries, "fwd-" + round);
                journalRatios.add(forwarded / raw);
                System.out.printf(
                        Locale.ROOT,
                        "round %d journald   raw %,10.0f/s   via collector %,10.0f/s   %.2fx%n",
                        round,
                        raw,
                        forwarded,
                        forwarded / raw);
                double imported = journalRemoteImport(work, entries, "imp-" + round);
                double uploaded = uploadedToJournalRemote(work, entries, "upl-" + round);
                remoteRatios.add(uploaded / imported);
                System.out.printf(
                        Locale.ROOT,
                        "round %d remote     file import %,10.0f/s   via collector %,10.0f/s   %.2fx%n",
                        round,
                        imported,
                        uploaded,
                        uploaded / imported);
            }
        } finally {
            PrivateJournald.deleteTree(work);
        }
        System.out.printf(
                Locale.ROOT,
                "%nmedian journal: output / raw loop into journald:           %.2fx (target >= 0.90x)%n",
                CollectorProcess.median(journalRatios));
        System.out.printf(
                Locale.ROOT,
                "median journal-remote: upload / journal-remote file import: %.2fx%n",
                CollectorProcess.median(remoteRatios));
    }

    private static byte[] entry(String test, int i) {
        return ("SYSLOG_IDENTIFIER=" + test + "\nPRIORITY=6\nMESSAGE=forwarded entry " + i
                        + " with a message of roughly one hundred bytes, distinct per entry\nSEQ=" + i + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> entries(String test, int count) {
        List<byte[]> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(entry(test, i));
        }
        return all;
    }

    private static double rawIntoJournald(PrivateJournald journald, int count, String test) throws Exception {
        List<byte[]> datagrams = entries(test, count);
        long start = System.nanoTime();
        CollectorProcess.sendAll(journald.socketPath(), datagrams);
        awaitAll(journald.namespace(), null, test, count);
        double rate = count / seconds(start);
        checkAll(journald.namespace(), null, test, count);
        return rate;
    }

    private static double forwardedIntoJournald(PrivateJournald journald, Path work, int count, String test)
            throws Exception {
        Path socket = work.resolve(test + ".socket");
        Process collector = CollectorProcess.start(
                work, test, "--listen", socket.toString(), "--output", "journal:" + journald.socketPath());
        try {
            List<byte[]> datagrams = entries(test, count);
            long start = System.nanoTime();
            CollectorProcess.sendAll(socket, datagrams);
            awaitAll(journald.namespace(), null, test, count);
            double rate = count / seconds(start);
            checkAll(journald.namespace(), null, test, count);
            return rate;
        } finally {
            CollectorProcess.stop(collector);
        }
    }

    private static double journalRemoteImport(Path work, int count, String test) throws Exception {
        Path export = work.resolve(test + ".export");
        StringBuilder text = new StringBuilder();
        long now = System.currentTimeMillis() * 1000;
        for (int i = 0; i < count; i++) {
            text.append("__REALTIME_TIMESTAMP=")
                    .append(now + i)
                    .append('\n')
                    .append(new String(entry(test, i), StandardCharsets.UTF_8))
                    .append('\n');
        }
        Files.writeString(export, text, StandardCharsets.UTF_8);
        Path journal = work.resolve(test + ".journal");
        long start = System.nanoTime();
        Process remote = new ProcessBuilder(
                        "/lib/systemd/systemd-journal-remote", "--output=" + journal, export.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!remote.waitFor(10, TimeUnit.MINUTES) || remote.exitValue() != 0) {
            throw new IllegalStateException("systemd-journal-remote import failed");
        }
        double rate = count / seconds(start);
        checkAll(null, journal, test, count);
        return rate;
    }

    private static double uploadedToJournalRemote(Path work, int count, String test) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path journal = work.resolve(test + ".journal");
        Process remote = new ProcessBuilder(
                        "/lib/systemd/systemd-journal-remote",
                        "--listen-http=127.0.0.1:" + port,
                        "--split-mode=none",
                        "--output=" + journal)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path socket = work.resolve(test + ".socket");
        Process collector = CollectorProcess.start(
                work,
                test,
                "--listen",
                socket.toString(),
                "--output",
                "journal-remote:http://127.0.0.1:" + port + "/upload");
        try {
            Thread.sleep(300);
            List<byte[]> datagrams = entries(test, count);
            long start = System.nanoTime();
            CollectorProcess.sendAll(socket, datagrams);
            awaitAll(null, journal, test, count);
            double rate = count / seconds(start);
            checkAll(null, journal, test, count);
            return rate;
        } finally {
            CollectorProcess.stop(collector);
            remote.destroy();
            remote.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Where to read entries: a namespace or a journal file. */
    private static List<String> source(String namespace, Path file) {
        return namespace != null ? List.of("--namespace=" + namespace) : List.of("--file=" + file);
    }

    /** Waits until the newest stored entry of {@code test} is the last one sent, then checks the total. */
    private static void awaitAll(String namespace, Path file, String test, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Integer.toString(expected - 1).equals(newestSeq(namespace, file, test))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(test + ": the last entry did not arrive");
            }
            Thread.sleep(20);
        }
    }

    private static void checkAll(String namespace, Path file, String test, int expected) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("journalctl", "--quiet", "--no-pager", "--output=cat", "--output-fields=SEQ"));
        command.addAll(source(namespace, file));
        command.add("SYSLOG_IDENTIFIER=" + test);
        long stored = lines(command).size();
        if (stored != expected) {
            throw new IllegalStateException(test + ": " + stored + " of " + expected + " stored");
        }
    }

    private static String newestSeq(String namespace, Path file, String test) throws IOException, InterruptedException {
        if (file != null && !Files.exists(file)) {
            return "";
        }
        List<String> command = new ArrayList<>(
                List.of("journalctl", "--quiet", "--no-pager", "-n", "1", "--output=cat", "--output-fields=SEQ"));
        command.addAll(source(namespace, file));
        command.add("SYSLOG_IDENTIFIER=" + test);
        List<String> out = lines(command);
        return out.isEmpty() ? "" : out.get(out.size() - 1).trim();
    }

    private static List<String> lines(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        process.waitFor();
        return lines;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
