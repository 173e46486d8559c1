package io.journald4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A private, real systemd-journald: a namespace instance ({@code systemd-journald NAME}) with its
 * own socket, configuration and journal files, so integration tests assert what journald really
 * stores without touching the host's journal and without root-wide side effects beyond files named
 * after the namespace.
 *
 * <p>Each instance uses a fresh random namespace and writes {@code /etc/systemd/journald@NAME.conf}
 * (the only file such an instance reads) with: persistent storage under {@code
 * /var/log/journal/MACHINE-ID.NAME} (disk rather than the often small {@code /run} tmpfs, so 10 MB
 * entries and tens of thousands of entries fit), rate limiting off, forwarding off (no wall
 * messages for emergency-priority test entries), and {@code MaxRetentionSec=1h}, without which the
 * instance exits after 30 s without clients.
 *
 * <p>journald's own diagnostics go to a log file in a temporary directory; failures include its
 * tail. Set the system property {@code journald4j.journaldLogLevel=debug} to see why journald
 * ignored a datagram ("Failed to parse message" and similar are debug messages).
 *
 * <p>Besides reading entries back, tests can simulate journald failures: {@link #kill()} (crash:
 * stale socket, ECONNREFUSED), {@link #restart()} and {@link #suspend()}/{@link #resume()} (a
 * stalled journald: full receive queue, EAGAIN or blocking sends).
 *
 * <p>Only the process this object started is ever signalled. A shutdown hook stops it if a test
 * forgets {@link #close()}; nothing can stop it if the JVM is killed with SIGKILL.
 *
 * <p>Requires root (see {@link RequiresJournald}). Methods are thread-safe. Failures are reported
 * as unchecked exceptions ({@link IllegalStateException}, {@link UncheckedIOException}) so that the
 * fixture is easy to use from lambdas.
 */
public final class PrivateJournald implements AutoCloseable {

    /** The journald binary; Debian and Ubuntu install it here. */
    public static final Path JOURNALD = Paths.get("/lib/systemd/systemd-journald");

    /** System property selecting journald's log level (for example {@code debug}); default info. */
    public static final String LOG_LEVEL_PROPERTY = "journald4j.journaldLogLevel";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration JOURNALCTL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
    /** journald ignores a native datagram that holds only a comment line, so this probe stores nothing. */
    private static final byte[] PROBE = "#\n".getBytes(StandardCharsets.US_ASCII);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String namespace;
    private final Path confFile;
    private final Path runtimeDir;
    private final Path socketPath;
    private final Path workDir;
    private final Path logFile;
    private final Thread shutdownHook;
    private Process process;
    private boolean suspended;
    private boolean closed;

    private PrivateJournald(String namespace, Path workDir) {
        this.namespace = namespace;
        this.confFile = Paths.get("/etc/systemd/journald@" + namespace + ".conf");
        this.runtimeDir = Paths.get("/run/systemd/journal." + namespace);
        this.socketPath = runtimeDir.resolve("socket");
        this.workDir = workDir;
        this.logFile = workDir.resolve("journald.log");
        this.shutdownHook = new Thread(this::cleanUpQuietly, "PrivateJournald-" + namespace + "-shutdown");
    }

    /**
     * Writes the configuration, starts a new journald instance and waits until its socket accepts
     * datagrams.
     *
     * @throws IllegalStateException if journald does not become ready within 10 s (the message holds
     *     the tail of journald's log)
     */
    public static PrivateJournald start() {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("journald4j-journald-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for journald's log", e);
        }
        PrivateJournald journald = null;
        for (int attempt = 0; journald == null; attempt++) {
            String namespace = String.format(Locale.ROOT, "j4j%012x", RANDOM.nextLong() & 0xFFFF_FFFF_FFFFL);
            PrivateJournald candidate = new PrivateJournald(namespace, workDir);
            try {
                candidate.writeConfig();
                journald = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    deleteRecursively(workDir);
                    throw new UncheckedIOException("cannot find an unused journald namespace name", e);
                }
            } catch (IOException e) {
                deleteRecursively(workDir);
                throw new UncheckedIOException(
                        "cannot write " + candidate.confFile + " (PrivateJournald needs root)", e);
            }
        }
        Runtime.getRuntime().addShutdownHook(journald.shutdownHook);
        try {
            synchronized (journald) {
                journald.launch();
            }
        } catch (RuntimeException | Error e) {
            journald.close();
            throw e;
        }
        return journald;
    }

    /** The namespace name, for {@code journalctl --namespace=NAME} and the {@code _NAMESPACE} field. */
    public String namespace() {
        return namespace;
    }

    /** The native-protocol socket, {@code /run/systemd/journal.NAME/socket}. */
    public Path socketPath() {
        return socketPath;
    }

    /** Whether the journald process started by this fixture is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Stops journald with SIGSTOP, simulating a stalled journald: its socket stays bound, so senders
     * can fill the receive queue ({@code net.unix.max_dgram_qlen} + 1 datagrams) and then block or
     * get EAGAIN. Queued datagrams are stored after {@link #resume()}. Returns once the process is
     * stopped.
     */
    public synchronized void suspend() {
        checkOpen();
        if (!isRunning()) {
            throw new IllegalStateException(this + " is not running");
        }
        signal("STOP");
        suspended = true;
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (!isStopped(process.pid())) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("journald " + namespace + " did not stop after SIGSTOP" + logTail());
            }
            sleep(5);
        }
    }

    /** Continues journald after {@link #suspend()} with SIGCONT; does nothing if not suspended. */
    public synchronized void resume() {
        if (suspended && isRunning()) {
            signal("CONT");
        }
        suspended = false;
    }

    /**
     * Kills the journald process with SIGKILL and waits until it has exited, simulating a crash. The
     * socket file stays behind, as with a real crash, so senders get ECONNREFUSED until {@link
     * #restart()}. Does nothing if it is not running.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(process, STOP_TIMEOUT);
        process = null;
        suspended = false;
    }

    /**
     * Starts journald again (stopping it with SIGTERM first if it is running) in the same namespace,
     * hence with the same socket path and journal, and waits until it accepts datagrams. Entries
     * stored before the restart remain readable.
     */
    public synchronized void restart() {
        checkOpen();
        stopGracefully();
        launch();
    }

    /**
     * Entries whose {@code field} equals {@code value}, in journal order, as {@code journalctl
     * --namespace=NAME -o json --all FIELD=value} reports them now. journald writes asynchronously,
     * so prefer {@link #awaitEntries} right after sending.
     *
     * @param field a journal field name such as {@code TEST_ID}
     * @param value printable ASCII only: journalctl's arguments pass through the JVM's platform
     *     encoding, which is ASCII under the C locale; tag entries with ASCII identifiers instead
     */
    public List<JournalRecord> entries(String field, String value) {
        Path out = journalctl(JOURNALCTL_TIMEOUT, match(field, value), "-o", "json", "--all");
        List<JournalRecord> records = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                JournalRecord.MAPPER.readerFor(JsonNode.class).readValues(out.toFile())) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (!node.isObject()) {
                    throw new IllegalStateException("journalctl printed a non-object JSON value: " + node);
                }
                records.add(new JournalRecord((ObjectNode) node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse journalctl output in " + out, e);
        } finally {
            deleteQuietly(out);
        }
        return records;
    }

    /**
     * Number of entries whose {@code field} equals {@code value}; cheaper than {@code
     * entries(...).size()} because journalctl prints no fields besides the cursor.
     *
     * @see #entries(String, String) for the restriction on {@code value}
     */
    public int count(String field, String value) {
        Path out = journalctl(JOURNALCTL_TIMEOUT, match(field, value), "-o", "json", "--output-fields=__CURSOR");
        try (Stream<String> lines = Files.lines(out, StandardCharsets.UTF_8)) {
            return (int) lines.filter(line -> !line.isEmpty()).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journalctl output in " + out, e);
        } finally {
            deleteQuietly(out);
        }
    }

    /**
     * Polls until at least {@code expectedCount} matching entries are stored or the timeout passes,
     * then returns the matching entries, however many there are: the caller asserts the count, so
     * that a failure shows what did arrive.
     *
     * @see #entries(String, String) for the restriction on {@code value}
     */
    public List<JournalRecord> awaitEntries(String field, String value, int expectedCount, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            sync();
            if (count(field, value) >= expectedCount || System.nanoTime() - deadline >= 0) {
                return entries(field, value);
            }
            sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Stops journald (SIGTERM, then SIGKILL after 10 s) and deletes the configuration, the journal
     * files, the runtime directory with the sockets and journald's log. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down; the hook will run cleanUp itself.
        }
        cleanUp();
    }

    @Override
    public synchronized String toString() {
        return "PrivateJournald[" + namespace + (isRunning() ? ", pid " + process.pid() : ", stopped") + "]";
    }

    private synchronized void cleanUpQuietly() {
        try {
            cleanUp();
        } catch (RuntimeException e) {
            // Best effort during JVM shutdown.
        }
    }

    private void cleanUp() {
        stopGracefully();
        deleteQuietly(confFile);
        deleteRecursively(runtimeDir);
        for (Path journalRoot : Arrays.asList(Paths.get("/run/log/journal"), Paths.get("/var/log/journal"))) {
            if (!Files.isDirectory(journalRoot)) {
                continue;
            }
            // The journal directory is MACHINE-ID.NAME.
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(journalRoot, "*." + namespace)) {
                for (Path dir : dirs) {
                    deleteRecursively(dir);
                }
            } catch (IOException e) {
                // Best effort.
            }
        }
        deleteRecursively(workDir);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private void writeConfig() throws IOException {
        String config = "# Written by journald4j's PrivateJournald test fixture (JVM pid "
                + ProcessHandle.current().pid()
                + "); deleted by close().\n"
                + "[Journal]\n"
                + "Storage=persistent\n"
                + "RateLimitIntervalSec=0\n"
                + "RateLimitBurst=0\n"
                // Without it the namespace instance exits after 30 s without clients.
                + "MaxRetentionSec=1h\n"
                + "SystemMaxUse=2G\n"
                + "SystemMaxFileSize=256M\n"
                + "SystemKeepFree=100M\n"
                + "MaxLevelStore=debug\n"
                + "ForwardToSyslog=no\n"
                + "ForwardToKMsg=no\n"
                + "ForwardToConsole=no\n"
                + "ForwardToWall=no\n";
        Files.write(
                confFile,
                config.getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    /** Starts the process and waits until its socket accepts a datagram. */
    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(JOURNALD.toString(), namespace);
        Map<String, String> env = builder.environment();
        // Never let the child talk to a service manager the test JVM may have been started from.
        for (String inherited : Arrays.asList(
                "NOTIFY_SOCKET", "LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES", "WATCHDOG_PID", "WATCHDOG_USEC")) {
            env.remove(inherited);
        }
        env.put("SYSTEMD_LOG_TARGET", "console");
        env.put("SYSTEMD_LOG_LEVEL", System.getProperty(LOG_LEVEL_PROPERTY, "info"));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JOURNALD + " " + namespace, e);
        }
        long deadline = started + START_TIMEOUT.toNanos();
        String lastProbeFailure = "socket file " + socketPath + " does not exist";
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("journald " + namespace + " exited with status " + process.exitValue()
                        + " during start" + logTail());
            }
            if (Files.exists(socketPath)) {
                String failure = probe();
                if (failure == null) {
                    if (!process.isAlive()) {
                        continue; // It accepted our probe but died; report the exit above.
                    }
                    return;
                }
                lastProbeFailure = failure;
            }
            if (System.nanoTime() - deadline >= 0) {
                Process stuck = process;
                stopGracefully();
                throw new IllegalStateException("journald " + namespace + " (pid " + stuck.pid() + ") not ready after "
                        + START_TIMEOUT.toMillis() + " ms: " + lastProbeFailure + logTail());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopGracefully();
                throw new IllegalStateException("interrupted while starting journald " + namespace, e);
            }
        }
    }

    /**
     * Sends a comment-only datagram, which journald reads and discards. The socket file alone proves
     * nothing: journald does not unlink it on exit, and a stale file refuses connections.
     *
     * @return null on success, else why the probe failed
     */
    private String probe() {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.socket().setSoTimeout(1000); // Also bounds a blocking send into a full queue.
            int sent = channel.send(ByteBuffer.wrap(PROBE), AFUNIXSocketAddress.of(socketPath));
            return sent == PROBE.length ? null : "probe datagram not accepted (queue full?)";
        } catch (IOException e) {
            return "probe datagram failed: " + e;
        }
    }

    private void stopGracefully() {
        Process current = process;
        if (current == null) {
            return;
        }
        if (suspended && current.isAlive()) {
            signal("CONT"); // A stopped process would not act on SIGTERM.
        }
        suspended = false;
        process = null;
        if (current.isAlive()) {
            current.destroy(); // SIGTERM to exactly this PID
            try {
                if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    current.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                current.destroyForcibly();
            }
        }
        awaitExit(current, STOP_TIMEOUT);
    }

    private void awaitExit(Process p, Duration timeout) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (p.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(
                            "journald " + namespace + " (pid " + p.pid() + ") did not exit" + logTail());
                }
                try {
                    p.waitFor(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Best effort: makes journald write everything it has received; harmless if it is not running. */
    private void sync() {
        synchronized (this) {
            if (!isRunning() || suspended) {
                return; // --sync would wait for a stopped journald.
            }
        }
        try {
            deleteQuietly(journalctl(SYNC_TIMEOUT, null, "--sync"));
        } catch (RuntimeException e) {
            // Polling copes without it.
        }
    }

    /** Sends a signal to exactly the process this fixture started (the JDK can only send TERM and KILL). */
    private void signal(String name) {
        long pid = process.pid();
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            byte[] output = kill.getInputStream().readAllBytes();
            if (!kill.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -s " + name + " " + pid + " failed: "
                        + new String(output, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -s " + name + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling journald " + namespace, e);
        }
    }

    /** Whether /proc shows the process as stopped (state T). */
    private static boolean isStopped(long pid) {
        try {
            String stat = new String(
                    Files.readAllBytes(Paths.get("/proc", Long.toString(pid), "stat")), StandardCharsets.UTF_8);
            // pid (comm) STATE ...; comm may contain spaces and parentheses, so use the last ')'.
            int end = stat.lastIndexOf(')');
            return end >= 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'T';
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String match(String field, String value) {
        if (!FIELD_NAME.matcher(field).matches()) {
            throw new IllegalArgumentException("not a journal field name: " + field);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "match values must be printable ASCII (the JVM may pass arguments in ASCII): " + field + "="
                                + value);
            }
        }
        return field + "=" + value;
    }

    /**
     * Runs journalctl for this namespace with stdout to a temporary file (outputs can be hundreds of
     * MB) and returns that file, which the caller deletes.
     */
    private Path journalctl(Duration timeout, String match, String... options) {
        List<String> command = new ArrayList<>();
        command.add("journalctl");
        command.add("--namespace=" + namespace);
        command.add("--no-pager");
        command.add("--quiet");
        command.addAll(Arrays.asList(options));
        if (match != null) {
            command.add(match);
        }
        Path out;
        Path err;
        try {
            out = Files.createTempFile(workDir, "journalctl-", ".out");
            err = Files.createTempFile(workDir, "journalctl-", ".err");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create journalctl output files in " + workDir, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("SYSTEMD_COLORS", "0");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        try {
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException(
                        String.join(" ", command) + " timed out after " + timeout.toMillis() + " ms: " + read(err));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + p.exitValue() + ": " + read(err));
            }
            return out;
        } catch (IOException e) {
            deleteQuietly(out);
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(out);
            throw new IllegalStateException("interrupted while running journalctl", e);
        } catch (RuntimeException e) {
            deleteQuietly(out);
            throw e;
        } finally {
            deleteQuietly(err);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** The last 4 KiB of journald's own log, for exception messages. */
    private String logTail() {
        try (InputStream in = Files.newInputStream(logFile)) {
            long size = Files.size(logFile);
            long skip = Math.max(0, size - 4096);
            while (skip > 0) {
                long skipped = in.skip(skip);
                if (skipped <= 0) {
                    break;
                }
                skip -= skipped;
            }
            String tail = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return tail.isEmpty()
                    ? "\n(journald log " + logFile + " is empty)"
                    : "\njournald log (" + logFile + ") ends with:\n" + tail;
        } catch (NoSuchFileException e) {
            return "\n(no journald log " + logFile + ")";
        } catch (IOException e) {
            return "\n(cannot read journald log " + logFile + ": " + e + ")";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort.
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(PrivateJournald::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // Best effort.
        }
    }
}
