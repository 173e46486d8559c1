package io.journald4j.collector.ingest;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where the collector listens and who may write to it.
 *
 * @param path the socket file
 * @param mode permissions of the socket file, e.g. {@code rw-rw-rw-} like journald's (writing needs w)
 * @param owner user to own the socket file, or null to keep the collector's
 * @param group group to own the socket file, or null to keep the collector's
 */
public record SocketSettings(Path path, Set<PosixFilePermission> mode, String owner, String group) {

    /** journald makes its socket 0666: any local process may log. */
    public static final Set<PosixFilePermission> WORLD_WRITABLE = PosixFilePermissions.fromString("rw-rw-rw-");

    public SocketSettings {
        if (path == null) {
            throw new IllegalArgumentException("socket path must be set");
        }
        if (path.toString().length() > 107) {
            throw new IllegalArgumentException("socket path must be at most 107 bytes (sockaddr_un limit): " + path);
        }
        mode = mode == null ? WORLD_WRITABLE : Set.copyOf(mode);
    }
}
