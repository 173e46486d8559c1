package io.journald4j.benchmarks.collector;

import io.journald4j.benchmarks.PrivateJournald;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's performance figures (issue 4), from one run with ratios against baselines measured in
 * the same run: ingest from sender processes into a {@code jsonl} file against a bare junixsocket receive
 * loop and against journald (a private namespace), for each {@code net.unix.max_dgram_qlen}; then send to
 * written-line latency at a paced rate, with the collector's RSS sampled every 5 s. About 13 minutes with
 * the defaults; needs root ({@code unshare -n}, journald namespaces).
 *
 * <pre>
 * mvn -B -q -pl collector,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.journald4j.benchmarks.collector.CollectorBenchmark \
 *     [--seconds=20] [--warmup=3] [--qlen=10,512] [--rounds=2] [--senders=2] [--journald=true] \
 *     [--paced-seconds=300] [--rate=10000] [--collector-xmx=256m] [--ring-bytes=67108864] \
 *     [--collector-jar=collector/target/journald4j-collector-0.1.0-SNAPSHOT.jar]
 * </pre>
 *
 * <p>Each receiver (collector, bare loop, journald) runs in a network namespace of its own
 * ({@code unshare -n}) whose {@code max_dgram_qlen} is set first (the kernel reads it when the socket is
 * created); the sender processes stay in the host's and connect to the socket by path. Ingest runs go
 * bare, collector, journald per queue length and round, so that the ratios compare runs minutes apart
 * at most. The paced run uses the last queue length. {@code --seconds=0} or {@code --paced-seconds=0}
 * skips a part.
 */
public final class CollectorBenchmark {

    private static final Pattern KEY_VALUE = Pattern.compile("([a-z_\\[\\]:/.\\-A-Za-z0-9]+)=(\\S+)");

    private final Map<String, String> options;
    private final Path work;
    private final Path collectorJar;
    private final String collectorXmx;
    private final long ringBytes;
    private final int senders;
    private final double warmup;
    private final double seconds;

    private CollectorBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("j4j-collector-bench");
        this.collectorJar = work.resolve("collector.jar");
        Path built = Paths.get(
                options.getOrDefault("collector-jar", "collector/target/journald4j-collector-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(built)) {
            throw new IOException(built + " not found: mvn -B -q -pl collector -am package -DskipTests");
        }
        // A copy: a rebuild of collector/ during the run must not swap classes under a running daemon.
        Files.copy(built, collectorJar);
        Procs.useCopyOfBenchmarksJar(work);
        this.collectorXmx = options.getOrDefault("collector-xmx", "256m");
        this.ringBytes = Long.parseLong(options.getOrDefault("ring-bytes", Long.toString(64L * 1024 * 1024)));
        this.senders = Integer.parseInt(options.getOrDefault("senders", "2"));
        this.warmup = Double.parseDouble(options.getOrDefault("warmup", "3"));
        this.seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        CollectorBenchmark benchmark = new CollectorBenchmark(options);
        try {
            benchmark.run();
        } finally {
            PrivateJournald.deleteTree(benchmark.work);
        }
    }

    /** One receiver's ingest run. */
    record Ingest(
            String receiver,
            int qlen,
            long sent,
            long windowSent,
            double windowSeconds,
            long arrived,
            double cpuSeconds,
            double drainSeconds,
            String note) {
        double rate() {
            return windowSent / windowSeconds;
        }

        long lost() {
            return sent - arrived;
        }
    }

    private void run() throws Exception {
        List<Integer> qlens = new ArrayList<>();
        for (String q : options.getOrDefault("qlen", "10,512").split(",")) {
            qlens.add(Integer.parseInt(q.trim()));
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        boolean journald =
                Boolean.parseBoolean(options.getOrDefault("journald", "true")) && PrivateJournald.isAvailable();
        double pacedSeconds = Double.parseDouble(options.getOrDefault("paced-seconds", "300"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "10000"));

        System.out.printf(
                Locale.ROOT,
                "collector benchmark: %d sender processes, %.0f s window after %.0f s warm-up, qlen %s "
                        + "(host: %d), rounds %d, collector -Xmx%s, ring %d MiB, %d CPUs%n",
                senders,
                seconds,
                warmup,
                qlens,
                Procs.hostQlen(),
                rounds,
                collectorXmx,
                ringBytes >> 20,
                Runtime.getRuntime().availableProcessors());
        List<Ingest> results = new ArrayList<>();
        if (seconds > 0) {
            for (int round = 1; round <= rounds; round++) {
                for (int qlen : qlens) {
                    // Bare and collector back to back, so that they see the same machine noise.
                    results.add(print(bare(qlen)));
                    results.add(print(collector(qlen)));
                    if (journald) {
                        results.add(print(journald(qlen)));
                    }
                }
            }
        }
        Paced paced = null;
        if (pacedSeconds > 0) {
            paced = paced(qlens.get(qlens.size() - 1), rate, pacedSeconds);
        }
        table(results, qlens, paced);
    }

    private static Ingest print(Ingest r) {
        System.out.printf(
                Locale.ROOT,
                "  %-10s qlen %-4d %,10.0f datagrams/s  sent %,d  arrived %,d  lost %,d  cpu %.1f s  drain %.2f s%s%n",
                r.receiver(),
                r.qlen(),
                r.rate(),
                r.sent(),
                r.arrived(),
                r.lost(),
                r.cpuSeconds(),
                r.drainSeconds(),
                r.note().isEmpty() ? "" : "  " + r.note());
        return r;
    }

    // ---------------------------------------------------------------- ingest runs

    private Ingest bare(int qlen) throws Exception {
        Path socket = work.resolve("bare.sock");
        Path out = work.resolve("bare.out");
        Process receiver = Procs.start(new ProcessBuilder(Procs.inNetns(
                        qlen,
                        List.of(
                                Procs.java().toString(),
                                "-cp",
                                Procs.benchmarksJar(),
                                BareReceiver.class.getName(),
                                "--socket=" + socket)))
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT));
        Procs.waitForFile(socket, receiver, 20_000);
        List<Map<String, String>> sent = send(socket, 0, seconds);
        // Blocking senders: everything sent is in the socket queue or received by now, within qlen.
        Thread.sleep(200);
        long cpu = Procs.cpuNanos(receiver.pid());
        String threads = Procs.threadCpu(receiver.pid(), 2);
        Procs.stop(receiver, 10);
        Map<String, String> report = keyValues(Files.readString(out, StandardCharsets.UTF_8));
        return ingest(
                "bare",
                qlen,
                sent,
                Long.parseLong(report.getOrDefault("received", "-1")),
                cpu,
                0,
                "threads: " + threads);
    }

    private Ingest collector(int qlen) throws Exception {
        Path socket = work.resolve("collector.sock");
        Path jsonl = work.resolve("ingest.jsonl");
        Path log = work.resolve("collector.log");
        Process collector = startCollector(qlen, socket, jsonl, log, "-Xlog:disable");
        List<Map<String, String>> sent = send(socket, 0, seconds);
        long sendersDone = System.nanoTime();
        long expected = total(sent, "sent");
        // Counted after the senders, so that reading the file takes no CPU from the run itself.
        JsonlTailer counter = new JsonlTailer(jsonl, false, 0);
        Thread tail = new Thread(counter, "jsonl-counter");
        tail.start();
        long lines = counter.awaitLines(expected, 10_000);
        double drain = (System.nanoTime() - sendersDone) / 1e9;
        long cpu = Procs.cpuNanos(collector.pid());
        String threads = Procs.threadCpu(collector.pid(), 4);
        Procs.stop(collector, 60);
        counter.stop();
        tail.join();
        Map<String, String> summary = collectorSummary(log);
        String note = "collector: datagrams=" + summary.get("datagrams") + " entries=" + summary.get("entries")
                + " dropped.ring_full=" + summary.get("dropped.ring_full") + " written="
                + summary.get("written[jsonl:" + jsonl + "]")
                + String.format(Locale.ROOT, " jsonl %.0f MiB", Files.size(jsonl) / 1048576.0)
                + "; threads: " + threads;
        Files.deleteIfExists(jsonl);
        return ingest("collector", qlen, sent, lines, cpu, drain, note);
    }

    private Ingest journald(int qlen) throws Exception {
        try (PrivateJournald journal = PrivateJournald.start(command -> Procs.inNetns(qlen, command))) {
            List<Map<String, String>> sent = send(journal.socketPath(), 0, seconds);
            long sendersDone = System.nanoTime();
            long cpu = Procs.cpuNanos(journal.pid());
            String threads = Procs.threadCpu(journal.pid(), 2);
            long stored =
                    PrivateJournald.countEntries(journal.namespace(), DatagramSender.IDENTIFIER, total(sent, "sent"));
            double countSeconds = (System.nanoTime() - sendersDone) / 1e9;
            return ingest(
                    "journald",
                    qlen,
                    sent,
                    stored,
                    cpu,
                    0,
                    String.format(Locale.ROOT, "(journalctl count took %.1f s); threads: %s", countSeconds, threads));
        }
    }

    private Ingest ingest(
            String receiver,
            int qlen,
            List<Map<String, String>> sent,
            long arrived,
            long cpuNanos,
            double drain,
            String note) {
        double window = 0;
        for (Map<String, String> s : sent) {
            window = Math.max(window, Long.parseLong(s.get("window_ns")) / 1e9);
        }
        long errors = total(sent, "errors");
        return new Ingest(
                receiver,
                qlen,
                total(sent, "sent"),
                total(sent, "window_sent"),
                window,
                arrived,
                cpuNanos / 1e9,
                drain,
                (errors > 0 ? "SEND ERRORS " + errors + " " : "") + note);
    }

    private Process startCollector(int qlen, Path socket, Path jsonl, Path log, String logOption) throws Exception {
        Files.deleteIfExists(jsonl);
        Path config = work.resolve("collector.toml");
        Files.writeString(
                config,
                "[ring]\nmemory_bytes = " + ringBytes + "\n"
                        + "[shutdown]\ntimeout_ms = 60000\n"
                        + "[[output]]\ntype = \"jsonl\"\ntarget = \"" + jsonl + "\"\nrotate_bytes = 0\n",
                StandardCharsets.UTF_8);
        Process collector = Procs.start(new ProcessBuilder(Procs.inNetns(
                        qlen,
                        List.of(
                                Procs.java().toString(),
                                "-Xmx" + collectorXmx,
                                logOption,
                                "-jar",
                                collectorJar.toString(),
                                "--listen",
                                socket.toString(),
                                "--config",
                                config.toString())))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()));
        Procs.waitForFile(socket, collector, 30_000);
        Procs.waitForFile(jsonl, collector, 30_000);
        return collector;
    }

    private static Map<String, String> collectorSummary(Path log) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("stopped")) {
                return keyValues(line);
            }
        }
        System.err.println("no summary in the collector's log:\n" + Files.readString(log, StandardCharsets.UTF_8));
        return Map.of();
    }

    /** Runs the sender processes to completion (they start together, on the wall clock) and returns their result lines. */
    private List<Map<String, String>> send(Path socket, double ratePerSender, double sendSeconds) throws Exception {
        long startAt = System.currentTimeMillis() + 1500;
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int id = 1; id <= senders; id++) {
            Path out = work.resolve("sender" + id + ".out");
            outputs.add(out);
            processes.add(Procs.start(new ProcessBuilder(
                            Procs.java().toString(),
                            "-Xmx64m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            Procs.benchmarksJar(),
                            DatagramSender.class.getName(),
                            "--socket=" + socket,
                            "--id=" + id,
                            "--start-at-ms=" + startAt,
                            "--warmup=" + warmup,
                            "--seconds=" + sendSeconds,
                            "--rate=" + ratePerSender)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)));
        }
        List<Map<String, String>> results = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            int exit = processes.get(i).waitFor();
            String text = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
            if (exit != 0 || !text.contains("window_ns=")) {
                throw new IOException("sender " + (i + 1) + " failed (exit " + exit + "): " + text);
            }
            results.add(keyValues(text));
        }
        return results;
    }

    private static long total(List<Map<String, String>> results, String key) {
        long sum = 0;
        for (Map<String, String> r : results) {
            sum += Long.parseLong(r.get(key));
        }
        return sum;
    }

    static Map<String, String> keyValues(String text) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        Matcher m = KEY_VALUE.matcher(text);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    // ---------------------------------------------------------------- paced run: latency and memory

    /** The paced run's figures. */
    record Paced(
            int qlen,
            double rate,
            double seconds,
            long sent,
            long lines,
            JsonlTailer latencies,
            List<long[]> rss,
            long maxLateMicros,
            long lateP99Micros,
            String summary) {}

    private Paced paced(int qlen, double rate, double pacedSeconds) throws Exception {
        Path socket = work.resolve("paced.sock");
        Path jsonl = work.resolve("paced.jsonl");
        Path log = work.resolve("paced.log");
        System.out.printf(
                Locale.ROOT,
                "paced run: %.0f entries/s for %.0f s (+%.0f s warm-up), qlen %d%n",
                rate,
                pacedSeconds,
                warmup,
                qlen);
        Path gcLog = work.resolve("paced-gc.log");
        Process collector = startCollector(qlen, socket, jsonl, log, "-Xlog:gc:file=" + gcLog);
        long pid = collector.pid();
        // The first warm-up seconds of lines are counted, not measured (JIT of all four processes).
        long measureFrom = DatagramSender.nowMicros() + 1_500_000L + (long) (warmup * 1e6);
        JsonlTailer tailer = new JsonlTailer(jsonl, true, measureFrom);
        Thread tail = new Thread(tailer, "jsonl-tailer");
        tail.setPriority(Thread.MAX_PRIORITY);
        tail.start();
        List<long[]> rss = new ArrayList<>();
        long started = System.nanoTime();
        Thread sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        long kib = Procs.rssKib(pid);
                        synchronized (rss) {
                            rss.add(new long[] {(System.nanoTime() - started) / 1_000_000_000L, kib});
                        }
                        System.out.printf(
                                Locale.ROOT,
                                "  t=%3ds  collector VmRSS %,d KiB  lines %,d%n",
                                (System.nanoTime() - started) / 1_000_000_000L,
                                kib,
                                tailer.lines());
                        try {
                            Thread.sleep(5000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        List<Map<String, String>> sent = send(socket, rate / senders, pacedSeconds);
        long expected = total(sent, "sent");
        long lines = tailer.awaitLines(expected, 10_000);
        sampler.interrupt();
        sampler.join();
        tailer.stop();
        tail.join();
        Procs.stop(collector, 60);
        Map<String, String> summary = collectorSummary(log);
        long maxLate = 0;
        long lateP99 = 0;
        for (Map<String, String> s : sent) {
            maxLate = Math.max(maxLate, Long.parseLong(s.get("max_late_us")));
            lateP99 = Math.max(lateP99, Long.parseLong(s.get("late_p99_us")));
        }
        Files.deleteIfExists(jsonl);
        if (tailer.unparsed() > 0) {
            System.out.println("  lines without SENT_US/__REALTIME_TIMESTAMP: " + tailer.unparsed());
        }
        List<long[]> samples;
        synchronized (rss) {
            samples = new ArrayList<>(rss);
        }
        return new Paced(
                qlen,
                rate,
                pacedSeconds,
                expected,
                lines,
                tailer,
                samples,
                maxLate,
                lateP99,
                "datagrams=" + summary.get("datagrams") + " dropped.ring_full=" + summary.get("dropped.ring_full")
                        + "; " + heapAfterGc(gcLog));
    }

    /**
     * The collector's heap after each GC, from its {@code -Xlog:gc} file: whether RSS growth is live data
     * (a leak would raise the after-GC size) or the heap being committed up to {@code -Xmx}.
     */
    private static String heapAfterGc(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return "no GC log";
        }
        Pattern pause = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
        List<long[]> after = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                after.add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
            }
        }
        if (after.isEmpty()) {
            return "no GC";
        }
        long[] used = after.stream().mapToLong(a -> a[0]).toArray();
        return String.format(
                Locale.ROOT,
                "%d GCs, heap after GC: first %d MiB, min %d, max %d, last %d; committed first %d MiB, last %d",
                after.size(),
                used[0],
                min(used),
                max(used),
                used[used.length - 1],
                after.get(0)[1],
                after.get(after.size() - 1)[1]);
    }

    // ---------------------------------------------------------------- report

    private void table(List<Ingest> results, List<Integer> qlens, Paced paced) {
        System.out.println();
        if (!results.isEmpty()) {
            System.out.println(
                    "Ingest (datagrams/s over the window; median over rounds; ratios against the same qlen's runs)");
            System.out.println(
                    "| qlen | receiver | datagrams/s | vs bare loop | collector vs this | lost | CPU µs/datagram |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int qlen : qlens) {
                double bare = median(results, "bare", qlen);
                double collector = median(results, "collector", qlen);
                for (String receiver : List.of("bare", "collector", "journald")) {
                    double rate = median(results, receiver, qlen);
                    if (Double.isNaN(rate)) {
                        continue;
                    }
                    long lost = 0;
                    double cpu = 0;
                    long sent = 0;
                    for (Ingest r : results) {
                        if (r.receiver().equals(receiver) && r.qlen() == qlen) {
                            lost += r.lost();
                            cpu += r.cpuSeconds();
                            sent += r.sent();
                        }
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "| %d | %s | %,.0f | %.2f× | %s | %,d of %,d | %.2f |%n",
                            qlen,
                            label(receiver),
                            rate,
                            rate / bare,
                            receiver.equals("collector") ? "" : String.format(Locale.ROOT, "%.2f×", collector / rate),
                            lost,
                            sent,
                            cpu * 1e6 / sent);
                }
            }
        }
        if (paced != null) {
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "Latency at a paced %.0f entries/s (%d senders, %.0f s, qlen %d): %,d sent, %,d lines, %,d measured; "
                            + "senders' lateness against their schedule: p99 ≤ %,d µs, max %,d µs (whole run); collector %s%n",
                    paced.rate(),
                    senders,
                    paced.seconds(),
                    paced.qlen(),
                    paced.sent(),
                    paced.lines(),
                    paced.latencies().latencies(0, 3).length,
                    paced.lateP99Micros(),
                    paced.maxLateMicros(),
                    paced.summary());
            System.out.println("| latency | p50 | p90 | p99 | p99.9 | max |");
            System.out.println("|---|---|---|---|---|---|");
            JsonlTailer l = paced.latencies();
            percentiles("intended send (SENT_US) → line in the file", l.latencies(0, 3));
            percentiles("write call (WRITE_US) → line in the file", l.latencies(1, 3));
            percentiles("write call → received (__REALTIME_TIMESTAMP)", l.latencies(1, 2));
            percentiles("received → line in the file (collector)", l.latencies(2, 3));
            percentiles("intended send → write call (sender lateness)", l.latencies(0, 1));
            System.out.printf(
                    Locale.ROOT,
                    "The tailer reads the file every 100 µs when idle; measured gaps between its reads "
                            + "(its own share of \"line in the file\"): p50 %,d µs, p99 %,d µs, p99.9 %,d µs.%n",
                    l.pollGapMicros(0.5),
                    l.pollGapMicros(0.99),
                    l.pollGapMicros(0.999));
            List<long[]> rss = paced.rss();
            if (!rss.isEmpty()) {
                long[] kib =
                        rss.stream().mapToLong(s -> s[1]).filter(v -> v > 0).toArray();
                // The first sample is the idle daemon before the senders start; steady state from 30 s on.
                long[] steady = Arrays.copyOfRange(kib, Math.min(kib.length - 1, 6), kib.length);
                long median = sortedCopy(steady)[steady.length / 2];
                double low = (double) min(steady) / median - 1;
                double high = (double) max(steady) / median - 1;
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "Memory: collector VmRSS every 5 s, %d samples: idle %,d KiB, then at 30 s %,d, min %,d, "
                                + "max %,d, last %,d; from 30 s on within %+.1f%% / %+.1f%% of the median %,d KiB: flat ±10%%: %s%n",
                        kib.length,
                        kib[0],
                        steady[0],
                        min(steady),
                        max(steady),
                        kib[kib.length - 1],
                        low * 100,
                        high * 100,
                        median,
                        Math.max(-low, high) <= 0.10 ? "yes" : "no");
            }
        }
    }

    private static String label(String receiver) {
        switch (receiver) {
            case "bare":
                return "bare junixsocket receive loop";
            case "collector":
                return "collector → jsonl file";
            default:
                return "journald (private namespace)";
        }
    }

    private static void percentiles(String name, long[] sorted) {
        if (sorted.length == 0) {
            System.out.println("| " + name + " | no samples |");
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s |%n",
                name,
                ms(sorted, 0.5),
                ms(sorted, 0.9),
                ms(sorted, 0.99),
                ms(sorted, 0.999),
                String.format(Locale.ROOT, "%.2f ms", sorted[sorted.length - 1] / 1000.0));
    }

    private static String ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.2f ms", sorted[Math.max(0, index)] / 1000.0);
    }

    private static double median(List<Ingest> results, String receiver, int qlen) {
        double[] rates = results.stream()
                .filter(r -> r.receiver().equals(receiver) && r.qlen() == qlen)
                .mapToDouble(Ingest::rate)
                .sorted()
                .toArray();
        if (rates.length == 0) {
            return Double.NaN;
        }
        return rates.length % 2 == 1
                ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    }

    private static long[] sortedCopy(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
