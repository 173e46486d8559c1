package io.journald4j.collector.spool;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One segment file of a spool: records with consecutive sequence numbers from {@link #firstSequence}.
 *
 * <p>Only the spool's appending thread changes a segment; readers see its progress through the
 * volatile fields, which are set after the bytes are in the file.
 */
final class Segment {

    static final String SUFFIX = ".seg";

    final Path file;
    final long firstSequence;

    /** One past the last sequence readers may read. */
    volatile long endSequence;

    /** File bytes readers may read (always a record boundary). */
    volatile long committedBytes;

    /** No more records will be appended. */
    volatile boolean sealed;

    /** Deleted before all of it was delivered (policy drop_oldest); readers move on. */
    volatile boolean dropped;

    Segment(Path file, long firstSequence) {
        this.file = file;
        this.firstSequence = firstSequence;
        this.endSequence = firstSequence;
    }

    static String fileName(long firstSequence) {
        return String.format(Locale.ROOT, "%016x", firstSequence) + SUFFIX;
    }

    /** The first sequence a segment file holds, from its name; -1 if the name is not a segment's. */
    static long parseFirstSequence(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() != 16 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(fileName.substring(0, 16), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    long records() {
        return endSequence - firstSequence;
    }

    @Override
    public String toString() {
        return file.getFileName() + " [" + firstSequence + ", " + endSequence + ")";
    }
}
