package io.journald4j.collector.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Binds the collector's datagram socket: parent directories created, a stale socket file replaced
 * (but never a file that is not a socket), mode, owner and group applied, descriptor reception on.
 */
public final class ListeningSocket {

    /** {@code S_IFMT} and {@code S_IFSOCK} from {@code stat(2)}. */
    private static final int FILE_TYPE_MASK = 0170000;

    private static final int SOCKET_TYPE = 0140000;

    /** junixsocket fixes the ancillary buffer at 256 bytes (60 descriptors); any positive value turns it on. */
    private static final int ANCILLARY_BUFFER = 256;

    private ListeningSocket() {}

    public static AFUNIXDatagramChannel bind(SocketSettings settings) throws IOException {
        Path path = settings.path();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!isSocket(path)) {
                throw new IOException("refusing to replace " + path + ": it exists and is not a socket");
            }
            Files.delete(path);
        }
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        try {
            channel.bind(AFUNIXSocketAddress.of(path));
            channel.setAncillaryReceiveBufferSize(ANCILLARY_BUFFER);
            applyOwnership(settings);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static boolean isSocket(Path path) throws IOException {
        Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return mode instanceof Integer && (((Integer) mode) & FILE_TYPE_MASK) == SOCKET_TYPE;
    }

    private static void applyOwnership(SocketSettings settings) throws IOException {
        Path path = settings.path();
        Files.setPosixFilePermissions(path, settings.mode());
        UserPrincipalLookupService names = FileSystems.getDefault().getUserPrincipalLookupService();
        if (settings.owner() != null) {
            Files.setOwner(path, names.lookupPrincipalByName(settings.owner()));
        }
        if (settings.group() != null) {
            GroupPrincipal group = names.lookupPrincipalByGroupName(settings.group());
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setGroup(group);
        }
    }
}
