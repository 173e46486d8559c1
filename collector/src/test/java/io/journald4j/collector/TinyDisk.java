package io.journald4j.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: a tmpfs of a few KiB mounted for one test (needs root, as CI runs), to fill a disk on purpose. */
public final class TinyDisk implements AutoCloseable {

    private final Path directory;

    private TinyDisk(Path directory) {
        this.directory = directory;
    }

    /** Mounts a tmpfs of {@code size} (as mount's size= option, e.g. {@code 64k}) at {@code directory}. */
    public static TinyDisk mount(Path directory, String size) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int status = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", directory.toString())
                .inheritIO()
                .start()
                .waitFor();
        if (status != 0) {
            throw new IllegalStateException("mount -t tmpfs at " + directory + " failed with status " + status);
        }
        return new TinyDisk(directory);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", directory.toString()).inheritIO().start().waitFor();
    }
}
