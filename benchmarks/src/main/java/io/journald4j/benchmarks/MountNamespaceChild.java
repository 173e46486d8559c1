package io.journald4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark's main class again in a child JVM whose mount namespace puts our private journald's
 * socket at libsystemd's hard-coded {@code /run/systemd/journal/socket}, as {@link PeerNamespaceLauncher}
 * does for {@link EndToEnd}, for any main class. Nothing changes outside that namespace.
 */
final class MountNamespaceChild {

    private static final String MOUNT_SCRIPT = String.join(
            "; ",
            "set -e",
            "mount --bind \"$1\" \"$2\"",
            "mount -t tmpfs -o mode=0755 journald4j-bench /run/systemd",
            "mkdir /run/systemd/journal",
            ": > " + PeerNamespaceLauncher.DEFAULT_SOCKET,
            "mount --bind \"$2/socket\" " + PeerNamespaceLauncher.DEFAULT_SOCKET,
            "shift 2",
            "exec \"$@\"");

    private MountNamespaceChild() {}

    /** Runs {@code mainClass} with {@code args} in the namespace; returns its exit code. */
    static int run(PrivateJournald journald, Class<?> mainClass, List<String> args)
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
            command.addAll(args);
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } finally {
            Files.deleteIfExists(mountPoint);
        }
    }
}
