package io.journald4j.collector.spool;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how one output spools.
 *
 * @param directory the output's own spool directory (created if missing, locked while in use)
 * @param maxBytes the cap on the segment files together
 * @param whenFull what happens to new entries at the cap
 * @param fsyncInterval how often appended entries are forced to disk (zero: at every batch); an
 *     entry received longer ago than this survives a power loss, not only a crash
 */
public record SpoolSettings(Path directory, long maxBytes, SpoolFullPolicy whenFull, Duration fsyncInterval) {

    public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);

    /** The smallest cap that leaves room for a few segments. */
    static final long MIN_MAX_BYTES = 256L * 1024;

    public SpoolSettings {
        if (directory == null) {
            throw new IllegalArgumentException("spool directory missing");
        }
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("spool max_bytes must be at least " + MIN_MAX_BYTES + ": " + maxBytes);
        }
        if (whenFull == null) {
            throw new IllegalArgumentException("spool when_full missing");
        }
        if (fsyncInterval == null || fsyncInterval.isNegative()) {
            throw new IllegalArgumentException("spool fsync interval must not be negative: " + fsyncInterval);
        }
    }

    /**
     * Segment size: a sixteenth of the cap, between 64 KiB and 64 MiB, so that dropping or
     * releasing one segment frees a small part of the cap and recovery reads little more than it must.
     */
    public long segmentBytes() {
        return Math.max(64L * 1024, Math.min(64L * 1024 * 1024, maxBytes / 16));
    }

    public SpoolSettings inDirectory(Path other) {
        return new SpoolSettings(other, maxBytes, whenFull, fsyncInterval);
    }
}
