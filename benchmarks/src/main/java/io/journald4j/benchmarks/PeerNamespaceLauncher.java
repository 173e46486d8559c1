package io.journald4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the measuring JVM where libsystemd's hard-coded {@code /run/systemd/journal/socket} is our
 * private journald's socket.
 *
 * <p>The JNA peer calls {@code sd_journal_send}, which always sends to that path: libsystemd reads no
 * property or environment variable for it. So the child JVM runs under {@code unshare --mount}, where a
 * tmpfs hides the host's {@code /run/systemd} and the namespace's socket is bind-mounted at the default
 * path. Nothing changes outside that mount namespace, and it vanishes with the child.
 */
final class PeerNamespaceLauncher {

    static final Path DEFAULT_SOCKET = Paths.get("/run/systemd/journal/socket");

    private static final String MOUNT_SCRIPT = String.join(
            "; ",
            "set -e",
            "mount --bind \"$1\" \"$2\"",
            "mount -t tmpfs -o mode=0755 journald4j-bench /run/systemd",
            "mkdir /run/systemd/journal",
            ": > " + DEFAULT_SOCKET,
            "mount --bind \"$2/socket\" " + DEFAULT_SOCKET,
            "shift 2",
            "exec \"$@\"");

    private PeerNamespaceLauncher() {}

    /** Whether {@code unshare} can give us a private mount namespace (it needs root). */
    static boolean isAvailable() {
        try {
            Process probe = new ProcessBuilder("unshare", "--mount", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code mainClass} (the calling benchmark, again) in the namespace with {@code childArgs}; returns its exit code. */
    static int run(PrivateJournald journald, Class<?> mainClass, List<String> childArgs)
            throws IOException, InterruptedException {
        Path mountPoint = Files.createTempDirectory("journald4j-bench-ns");
        try {
            List<String> command = new ArrayList<>(List.of(
                    "unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", MOUNT_SCRIPT, "sh"));
            command.add(journald.socketPath().getParent().toString());
            command.add(mountPoint.toString());
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass.getName());
            command.addAll(childArgs);
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } finally {
            Files.deleteIfExists(mountPoint);
        }
    }
}
