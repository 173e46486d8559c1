package io.journald4j.transport;

import java.io.IOException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.BrokenPipeSocketException;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.newsclub.net.unix.ConnectionResetSocketException;
import org.newsclub.net.unix.NotConnectedSocketException;
import org.newsclub.net.unix.SocketClosedException;

/**
 * One AF_UNIX datagram socket connected to the journal, through junixsocket.
 *
 * <p>Connected because junixsocket's {@code write} on a connected channel runs about twice as fast as
 * {@code send(buf, address)}, which converts the address on every call; the price is that the
 * connection breaks when journald restarts, so the owner replaces the socket on
 * {@link JournalUnavailableException}. Safe for concurrent writers: each write is one datagram.
 */
final class JournalSocket {

    /**
     * The largest entry sent as a datagram, whatever SO_SNDBUF allows: junixsocket copies heap buffers
     * into a thread-local direct buffer it keeps up to 1 MiB; a larger datagram would allocate a new
     * direct buffer per send, and the file-descriptor route is cheaper for such rare entries.
     */
    static final int MAX_POOLED_DATAGRAM = 1024 * 1024;

    /** The kernel refuses a datagram larger than SO_SNDBUF minus this ({@code unix_dgram_sendmsg}). */
    private static final int SNDBUF_OVERHEAD = 32;

    /** journald's smallest receive buffer ({@code LINE_MAX}); an error on a datagram this small is not about size. */
    private static final int SMALL_DATAGRAM = 2048;

    private final AFUNIXDatagramChannel channel;
    private volatile int maxDatagramSize;

    private JournalSocket(AFUNIXDatagramChannel channel, int maxDatagramSize) {
        this.channel = channel;
        this.maxDatagramSize = maxDatagramSize;
    }

    /** Opens a socket connected to the journal, with SO_SNDBUF raised so that large entries fit one datagram. */
    static JournalSocket connect(SenderConfig config) throws JournalUnavailableException {
        AFUNIXDatagramChannel channel = openChannel(config, config.sendBufferSize());
        try {
            int granted = channel.getOption(StandardSocketOptions.SO_SNDBUF);
            return new JournalSocket(channel, Math.min(granted - SNDBUF_OVERHEAD, MAX_POOLED_DATAGRAM));
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            throw new JournalUnavailableException("cannot read SO_SNDBUF of the journal socket: " + e, e);
        }
    }

    /**
     * Opens a channel connected to {@code config.socketPath()}: blocking with the block timeout as
     * send timeout for {@link SendPolicy#BLOCK}, non-blocking for {@link SendPolicy#DROP}.
     *
     * @param sendBufferSize the SO_SNDBUF to ask for, or 0 to keep the kernel's default
     */
    static AFUNIXDatagramChannel openChannel(SenderConfig config, int sendBufferSize)
            throws JournalUnavailableException {
        requireNativeLibrary();
        AFUNIXDatagramChannel channel = null;
        try {
            channel = AFUNIXDatagramChannel.open();
            if (sendBufferSize > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
            }
            if (config.policy() == SendPolicy.BLOCK) {
                channel.socket().setSoTimeout((int)
                        Math.min(Integer.MAX_VALUE, config.blockTimeout().toMillis()));
            } else {
                channel.configureBlocking(false);
            }
            channel.connect(AFUNIXSocketAddress.of(config.socketPath()));
            return channel;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(channel, e);
            throw new JournalUnavailableException(
                    "cannot connect to the journal socket " + config.socketPath() + ": " + e, e);
        }
    }

    /** The largest entry this socket sends as one datagram. */
    int maxDatagramSize() {
        return maxDatagramSize;
    }

    /**
     * Writes the entry as one datagram.
     *
     * @return the bytes written, or 0 when the journal's queue stayed full (non-blocking, or the send timeout passed)
     * @throws EntryTooLargeException when the kernel refused the datagram for its size; the socket remembers
     *     the smaller limit
     */
    int write(ByteBuffer entry) throws JournalUnavailableException, EntryTooLargeException {
        int size = entry.remaining();
        try {
            return channel.write(entry);
        } catch (ConnectionRefusedSocketException
                | ConnectionResetSocketException
                | BrokenPipeSocketException
                | NotConnectedSocketException
                | SocketClosedException
                | ClosedChannelException e) {
            throw new JournalUnavailableException("the journal socket broke: " + e, e);
        } catch (SocketException e) {
            if (size > SMALL_DATAGRAM) {
                // EMSGSIZE (or ENOBUFS): junixsocket gives it no type of its own, and the text is locale-dependent.
                maxDatagramSize = Math.min(maxDatagramSize, size - 1);
                throw new EntryTooLargeException("datagram of " + size + " bytes refused: " + e, size, e);
            }
            throw new JournalUnavailableException("the journal socket failed: " + e, e);
        } catch (IOException e) {
            throw new JournalUnavailableException("the journal socket failed: " + e, e);
        }
    }

    /** Closes the socket; an error closing it is returned, not thrown, since the socket is discarded anyway. */
    IOException close() {
        try {
            channel.close();
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    static void requireNativeLibrary() throws JournalUnavailableException {
        if (!AFUNIXSocket.isSupported()) {
            throw new JournalUnavailableException(
                    "junixsocket's native library could not be loaded; if java.io.tmpdir is read-only, set"
                            + " -Dorg.newsclub.net.unix.library.tmpdir to a writable, executable directory",
                    null);
        }
    }

    private static void closeAfterFailure(AFUNIXDatagramChannel channel, Exception failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
