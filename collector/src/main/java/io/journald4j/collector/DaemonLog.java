package io.journald4j.collector;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The daemon's own messages, one line each on stderr (journald or the service manager captures it).
 *
 * <p>Deliberately not a logging framework: the collector is where logs go, and its own trouble must
 * never loop back into its input.
 */
public final class DaemonLog {

    private final PrintStream err =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    public void info(String message) {
        err.println(Instant.now() + " journald4j-collector: " + message);
    }

    public void error(String message, Throwable cause) {
        err.println(Instant.now() + " journald4j-collector: " + message + (cause == null ? "" : ": " + cause));
    }
}
