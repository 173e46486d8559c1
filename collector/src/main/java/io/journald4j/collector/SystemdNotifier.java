package io.journald4j.collector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Tells the service manager about the daemon's state ({@code sd_notify(3)}): one datagram with
 * {@code READY=1}, {@code STOPPING=1} or {@code STATUS=...} to the socket named in
 * {@code NOTIFY_SOCKET} (a path, or {@code @name} in the abstract namespace). Without that variable
 * it does nothing, so the daemon runs the same outside systemd.
 */
public final class SystemdNotifier {

    private final AFUNIXSocketAddress target;
    private final DaemonLog log;

    private SystemdNotifier(AFUNIXSocketAddress target, DaemonLog log) {
        this.target = target;
        this.log = log;
    }

    public static SystemdNotifier fromEnvironment(String notifySocket, DaemonLog log) throws IOException {
        if (notifySocket == null || notifySocket.isEmpty()) {
            return new SystemdNotifier(null, log);
        }
        AFUNIXSocketAddress target = notifySocket.startsWith("@")
                ? AFUNIXSocketAddress.inAbstractNamespace(notifySocket.substring(1))
                : AFUNIXSocketAddress.of(java.nio.file.Paths.get(notifySocket));
        return new SystemdNotifier(target, log);
    }

    /** Sends {@code state}, e.g. {@code READY=1\nSTATUS=listening}; a failure is logged, never fatal. */
    public void notify(String state) {
        if (target == null) {
            return;
        }
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.send(ByteBuffer.wrap(state.getBytes(StandardCharsets.UTF_8)), target);
        } catch (IOException e) {
            log.error("notifying the service manager failed", e);
        }
    }
}
