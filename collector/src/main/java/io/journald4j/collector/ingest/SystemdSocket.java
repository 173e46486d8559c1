package io.journald4j.collector.ingest;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * Socket activation: the datagram socket systemd passed as file descriptor 3
 * ({@code sd_listen_fds(3)}: {@code LISTEN_FDS} descriptors from {@code SD_LISTEN_FDS_START}, meant
 * for the process whose id is {@code LISTEN_PID}).
 *
 * <p>Such a socket is systemd's: the collector uses it as it is (mode and owner come from the
 * {@code .socket} unit), never rebinds it, and leaves its file in place at exit, so that datagrams
 * keep queueing in the kernel while the collector restarts.
 */
public final class SystemdSocket {

    /** {@code SD_LISTEN_FDS_START}. */
    static final int FIRST_PASSED_DESCRIPTOR = 3;

    private SystemdSocket() {}

    /**
     * The passed socket, if this process was socket-activated.
     *
     * @throws IOException when systemd passed something that is not an AF_UNIX datagram socket
     */
    public static Optional<AFUNIXDatagramChannel> inherited(Map<String, String> environment, long pid)
            throws IOException {
        String listenPid = environment.get("LISTEN_PID");
        String listenFds = environment.get("LISTEN_FDS");
        if (listenPid == null || listenFds == null || !listenPid.trim().equals(Long.toString(pid))) {
            return Optional.empty();
        }
        int count;
        try {
            count = Integer.parseInt(listenFds.trim());
        } catch (NumberFormatException e) {
            throw new IOException("LISTEN_FDS is not a number: " + listenFds, e);
        }
        if (count < 1) {
            return Optional.empty();
        }
        AFUNIXDatagramChannel channel;
        try {
            channel = FileDescriptorCast.unsafeUsing(FIRST_PASSED_DESCRIPTOR).as(AFUNIXDatagramChannel.class);
        } catch (IOException | ClassCastException e) {
            throw new IOException("descriptor 3 from systemd is not an AF_UNIX datagram socket: " + e, e);
        }
        SocketAddress local = channel.getLocalAddress();
        if (!(local instanceof AFUNIXSocketAddress)) {
            throw new IOException("descriptor 3 from systemd is not a bound AF_UNIX socket: " + local);
        }
        channel.setAncillaryReceiveBufferSize(256);
        // junixsocket unlinks a bound socket's file on close by default; this one belongs to systemd.
        channel.socket().setDeleteOnClose(false);
        return Optional.of(channel);
    }
}
