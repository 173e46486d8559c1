package io.journald4j.collector.spool;

import io.journald4j.collector.DaemonLog;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;

/**
 * Reads a spool's messages in sequence order, following the appender: at the end of what is
 * committed, {@link #next} returns false and a later call finds what was appended since. Used by
 * one thread (the output's forwarder), alongside the appending thread.
 */
public final class SpoolReader implements Closeable {

    private final Spool spool;
    private final DaemonLog log;
    private Segment segment;
    private SegmentCursor cursor;
    /** The next sequence wanted: records below it are skipped. */
    private long position;

    private long sequence;
    private long receivedMicros;
    private ByteBuffer message;

    SpoolReader(Spool spool, long from, DaemonLog log) {
        this.spool = spool;
        this.position = from;
        this.log = log;
    }

    /**
     * Moves to the next message.
     *
     * @return false when there is none yet
     */
    public boolean next() throws IOException {
        while (true) {
            if (segment != null && segment.dropped) {
                closeCursor();
            }
            if (segment == null) {
                Segment found = spool.segmentFor(position);
                if (found == null) {
                    return false;
                }
                if (!openCursor(found)) {
                    continue; // deleted meanwhile (dropped or released): look again
                }
            }
            boolean sealed = segment.sealed;
            SegmentCursor.Step step = cursor.next(segment.committedBytes, sealed);
            if (step == SegmentCursor.Step.RECORD) {
                if (cursor.sequence() < position) {
                    continue;
                }
                sequence = cursor.sequence();
                receivedMicros = cursor.receivedMicros();
                message = cursor.payload();
                position = sequence + 1;
                return true;
            }
            if (step == SegmentCursor.Step.CORRUPT) {
                log.error(
                        "spool " + segment.file + ": " + cursor.corruption() + " at byte " + cursor.recordOffset()
                                + " while forwarding; skipping to the next segment",
                        null);
                sealed = true;
            }
            if (!sealed) {
                return false;
            }
            Segment following = spool.segmentAfter(segment);
            if (following == null) {
                return false;
            }
            closeCursor();
            position = Math.max(position, following.firstSequence);
            openCursor(following);
        }
    }

    /** Opens {@code candidate}; false if its file is gone (deleted after it was looked up). */
    private boolean openCursor(Segment candidate) throws IOException {
        try {
            cursor = SegmentCursor.open(candidate.file);
            segment = candidate;
            return true;
        } catch (NoSuchFileException gone) {
            if (!candidate.dropped && spool.segmentFor(candidate.firstSequence) == candidate) {
                throw gone; // still listed, yet missing: somebody else deleted it
            }
            return false;
        }
    }

    /** Goes back (or forward) to {@code sequence}: the next call of {@link #next} returns it or the first after it. */
    public void seek(long sequence) throws IOException {
        closeCursor();
        position = sequence;
    }

    private void closeCursor() throws IOException {
        if (cursor != null) {
            cursor.close();
        }
        cursor = null;
        segment = null;
    }

    public long sequence() {
        return sequence;
    }

    public long receivedMicros() {
        return receivedMicros;
    }

    /** The current message, position to limit; valid until the next call. Read it with absolute gets only. */
    public ByteBuffer message() {
        return message;
    }

    @Override
    public void close() throws IOException {
        closeCursor();
    }
}
