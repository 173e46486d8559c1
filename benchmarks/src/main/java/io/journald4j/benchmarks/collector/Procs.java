package io.journald4j.benchmarks.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child processes of the collector benchmark: started in a network namespace of their own, read in /proc, always stopped. */
public final class Procs {

    /** USER_HZ: 100 on every Linux architecture we run on ({@code getconf CLK_TCK}). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final List<Process> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Procs::stopAll, "collector-bench-cleanup"));
    }

    private Procs() {}

    static Path java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    private static volatile String benchmarksJar = System.getProperty("java.class.path");

    /** The class path of the sender and receiver processes. */
    static String benchmarksJar() {
        return benchmarksJar;
    }

    /**
     * Runs the child JVMs from a copy of the benchmarks jar in {@code directory}: a rebuild of
     * benchmarks/ during a run (another engineer's) must not swap classes under them.
     */
    static void useCopyOfBenchmarksJar(Path directory) throws IOException {
        Path own = Paths.get(System.getProperty("java.class.path"));
        if (Files.isRegularFile(own)) {
            Path copy = directory.resolve("benchmarks.jar");
            Files.copy(own, copy);
            benchmarksJar = copy.toString();
        }
    }

    /**
     * The command run in a new network namespace whose {@code net.unix.max_dgram_qlen} is {@code qlen}:
     * the kernel reads it when a socket is created, so it governs the sockets this process binds.
     * {@code exec} keeps the process id, so /proc readings and SIGTERM reach the daemon itself.
     */
    static List<String> inNetns(int qlen, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(
                "unshare",
                "-n",
                "sh",
                "-c",
                "echo " + qlen + " > /proc/sys/net/unix/max_dgram_qlen && exec \"$@\"",
                "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    static synchronized Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        STARTED.add(process);
        return process;
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds}; only our own process. */
    static void stop(Process process, long graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void stopAll() {
        for (Process process : STARTED) {
            if (process.isAlive()) {
                stop(process, 5);
            }
        }
    }

    /** User plus system CPU of a process so far, in nanoseconds (10 ms resolution); -1 if it is gone. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * CPU seconds per thread, busiest first, as "name/tid 1.2s, ...": which thread is the bottleneck.
     * Names are the kernel's, cut at 15 characters ({@code journald4j-outp/TID} for both ring handlers:
     * the output and the slot-clearing handler that runs after it).
     */
    static String threadCpu(long pid, int top) {
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Paths.get("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    byName.merge(name + "/" + task.getFileName(), ticks, Long::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return "?";
        }
        StringBuilder text = new StringBuilder();
        byName.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> text.append(text.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.1fs", e.getValue() * NANOS_PER_TICK / 1e9)));
        return text.toString();
    }

    /** VmRSS of a process in KiB; -1 if it is gone. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    public static int hostQlen() {
        // One read with a large buffer: a sysctl file read in small pieces returns only the first
        // piece (Files.readString sees the reported size 0 and reads "1" of "10").
        try (java.io.InputStream in = Files.newInputStream(Paths.get("/proc/sys/net/unix/max_dgram_qlen"))) {
            byte[] buffer = new byte[64];
            int length = in.read(buffer);
            return Integer.parseInt(new String(buffer, 0, Math.max(0, length), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    static void waitForFile(Path path, Process owner, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!Files.exists(path)) {
            if (!owner.isAlive() || System.nanoTime() - deadline > 0) {
                throw new IOException(path + " did not appear (process alive: " + owner.isAlive() + ")");
            }
            Thread.sleep(10);
        }
    }
}
