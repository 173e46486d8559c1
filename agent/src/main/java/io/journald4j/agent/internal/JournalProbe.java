package io.journald4j.agent.internal;

import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.DropReason;
import io.journald4j.transport.SendListener;
import io.journald4j.transport.SenderConfig;
import java.nio.file.Paths;

/**
 * Checks once, at the first event, that the journal's socket can be connected to.
 *
 * <p>The application did not ask for journald, so an absent or unwritable socket must not cost it
 * anything: under {@code block} every adapter would first wait out the block timeout. A failed probe
 * turns the agent off for the life of the JVM, with one line on stderr.
 */
final class JournalProbe implements SendListener {

    private String failure;

    private JournalProbe() {}

    /** Null when the socket accepted a connection, else why not. */
    static String problemWith(String socketPath) {
        JournalProbe probe = new JournalProbe();
        SenderConfig config = SenderConfig.defaults().withSocketPath(Paths.get(socketPath));
        DatagramJournalSender sender = DatagramJournalSender.open(config, probe);
        sender.close();
        return probe.failure;
    }

    @Override
    public void onDropped(DropReason reason, Throwable cause) {
        // The probe sends nothing.
    }

    @Override
    public void onError(String what, Throwable cause) {
        if (failure == null) {
            failure = cause != null && cause.getMessage() != null ? cause.getMessage() : what;
        }
    }
}
