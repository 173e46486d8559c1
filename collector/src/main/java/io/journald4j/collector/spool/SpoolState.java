package io.journald4j.collector.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The spool's progress marks, kept in a small file beside the segments: everything below
 * {@code confirmedBelow} was confirmed by the output; everything below {@code sentBelow} was handed
 * to it at least once. After a crash the spool replays from the first mark; what it replays below
 * the second may already have arrived (a suspected duplicate).
 *
 * <p>Written to a temporary file, forced, and renamed over the old one, so a crash leaves either
 * the old marks or the new ones, never a torn file. Stale marks only cause more replay.
 */
record SpoolState(long confirmedBelow, long sentBelow) {

    static final String FILE = "state";
    private static final String TEMPORARY = "state.tmp";

    static SpoolState read(Path directory) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return new SpoolState(0, 0);
        }
        try {
            return new SpoolState(
                    Long.parseLong(properties.getProperty("confirmed_below", "0")),
                    Long.parseLong(properties.getProperty("sent_below", "0")));
        } catch (NumberFormatException e) {
            throw new IOException(
                    directory.resolve(FILE) + " is damaged (" + e.getMessage()
                            + "); delete it to replay the whole spool",
                    e);
        }
    }

    void write(Path directory) throws IOException {
        Path temporary = directory.resolve(TEMPORARY);
        byte[] text = ("# journald4j spool progress\nconfirmed_below=" + confirmedBelow + "\nsent_below=" + sentBelow
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temporary, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }
}
