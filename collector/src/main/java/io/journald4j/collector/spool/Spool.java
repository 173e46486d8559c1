package io.journald4j.collector.spool;

import io.journald4j.collector.DaemonLog;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An output's write-ahead log on disk: every message is appended here before the output forwards
 * it, and stays until the output confirms it, so an outage or a crash ({@code kill -9}) loses
 * nothing that reached the spool.
 *
 * <p>Segment files of checksummed records ({@link SpoolRecord}), one appending thread (the output's
 * ring handler) and one reading thread (its forwarder). Appends go through a buffer into the page
 * cache at every {@link #commit} (the end of each ring batch) and are forced to disk every
 * {@link SpoolSettings#fsyncInterval}; a crash of the process loses nothing committed, a power loss
 * at most that interval. Confirmed segments are deleted. At the byte cap, {@link SpoolFullPolicy}
 * decides. On open, segments are checked record by record: a torn or corrupt tail is cut off and
 * reported, and everything before it, and every other segment, is replayed.
 */
public final class Spool implements Closeable {

    /** Told when whole segments of undelivered messages are deleted to make room (policy drop_oldest). */
    public interface DropListener {
        /** Messages {@code [fromSequence, toSequence)} are gone (those already confirmed among them excepted). */
        void droppedOldest(long fromSequence, long toSequence);
    }

    /**
     * What the spool held when it was opened.
     *
     * @param replayFrom the first sequence to forward
     * @param replayEntries messages to forward again
     * @param suspectedDuplicates of those, how many had been handed to the output before (they may have arrived)
     * @param corruptSegments segments whose tail was cut off as torn or corrupt
     * @param replayEnd one past the last message to replay (the first new message's sequence)
     */
    public record Recovery(
            long replayFrom, long replayEntries, long suspectedDuplicates, int corruptSegments, long replayEnd) {}

    private static final int WRITE_BUFFER_BYTES = 256 * 1024;
    private static final long BLOCK_WAIT_MILLIS = 100;

    private final SpoolSettings settings;
    private final Path directory;
    private final DaemonLog log;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Recovery recovery;

    /** Oldest first; guarded by itself, which is also what a blocked append waits on. */
    private final List<Segment> segments;

    private final AtomicLong diskBytes = new AtomicLong();
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(WRITE_BUFFER_BYTES);
    private final ByteBuffer header = ByteBuffer.allocate(SpoolRecord.HEADER_BYTES);
    private Segment active;
    private FileChannel activeChannel;
    private long nextSequence;
    /** Messages in the write buffer, not yet committed. */
    private int buffered;

    private long lastSyncNanos = System.nanoTime();
    private SpoolState lastWrittenState;
    /** Segments cut at a torn or corrupt record while opening. */
    private int corruptFound;

    private volatile long confirmedBelow;
    private volatile long sentBelow;
    private volatile boolean stopWaiting;
    private volatile DropListener dropListener = (from, to) -> {};

    private Spool(SpoolSettings settings, DaemonLog log, FileChannel lockChannel, FileLock lock) throws IOException {
        this.settings = settings;
        this.directory = settings.directory();
        this.log = log;
        this.lockChannel = lockChannel;
        this.lock = lock;
        SpoolState state = SpoolState.read(directory);
        this.lastWrittenState = state;
        this.segments = recoverSegments(state.confirmedBelow());
        int corrupt = corruptFound;
        long replayFrom = segments.isEmpty()
                ? state.confirmedBelow()
                : Math.max(state.confirmedBelow(), segments.get(0).firstSequence);
        long replay = 0;
        long duplicates = 0;
        long highest = Math.max(state.confirmedBelow(), state.sentBelow());
        for (Segment segment : segments) {
            long from = Math.max(segment.firstSequence, state.confirmedBelow());
            replay += segment.endSequence - from;
            duplicates += Math.max(0, Math.min(segment.endSequence, state.sentBelow()) - from);
            highest = Math.max(highest, segment.endSequence);
            diskBytes.addAndGet(segment.committedBytes);
        }
        this.recovery = new Recovery(replayFrom, replay, duplicates, corrupt, highest);
        this.confirmedBelow = replayFrom;
        this.sentBelow = Math.max(replayFrom, state.sentBelow());
        this.nextSequence = highest;
        openActive();
    }

    /**
     * Opens (creating if needed) and locks the spool directory, and checks what it holds.
     *
     * @throws IOException if the directory cannot be used, or another collector holds it
     */
    public static Spool open(SpoolSettings settings, DaemonLog log) throws IOException {
        Files.createDirectories(settings.directory());
        FileChannel lockChannel = FileChannel.open(
                settings.directory().resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lockChannel.close();
            throw new SpoolBusyException("spool " + settings.directory() + " is already open in this collector", e);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("spool " + settings.directory() + " is in use by another collector");
        }
        try {
            return new Spool(settings, log, lockChannel, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /** Reads every segment, cuts off torn or corrupt tails, deletes what is empty or was confirmed. */
    private List<Segment> recoverSegments(long confirmed) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(
                            p -> Segment.parseFirstSequence(p.getFileName().toString()) >= 0)
                    .sorted()
                    .toList();
        }
        List<Segment> found = new ArrayList<>();
        for (Path file : files) {
            Segment segment = new Segment(
                    file, Segment.parseFirstSequence(file.getFileName().toString()));
            long validBytes = scan(segment);
            segment.committedBytes = validBytes;
            segment.sealed = true;
            if (segment.records() == 0 || segment.endSequence <= confirmed) {
                Files.delete(file);
            } else {
                found.add(segment);
            }
        }
        return found;
    }

    /** Counts a segment's valid records; returns the byte length of the valid part, truncating the file there. */
    private long scan(Segment segment) throws IOException {
        long size = Files.size(segment.file);
        try (SegmentCursor cursor = SegmentCursor.open(segment.file)) {
            long expected = segment.firstSequence;
            while (true) {
                SegmentCursor.Step step = cursor.next(size, true);
                if (step == SegmentCursor.Step.END) {
                    segment.endSequence = expected;
                    return size;
                }
                String problem = step == SegmentCursor.Step.CORRUPT
                        ? cursor.corruption()
                        : cursor.sequence() != expected
                                ? "sequence " + cursor.sequence() + " where " + expected + " was due"
                                : null;
                if (problem != null) {
                    long cut = cursor.recordOffset();
                    corruptFound++;
                    log.error(
                            "spool " + segment.file + ": " + problem + " at byte " + cut
                                    + "; the segment is cut there ("
                                    + (size - cut) + " bytes discarded), " + (expected - segment.firstSequence)
                                    + " records before it and all other segments replay",
                            null);
                    try (FileChannel truncate = FileChannel.open(segment.file, StandardOpenOption.WRITE)) {
                        truncate.truncate(cut);
                        truncate.force(true);
                    }
                    segment.endSequence = expected;
                    return cut;
                }
                expected++;
            }
        }
    }

    private void openActive() throws IOException {
        Segment segment = new Segment(directory.resolve(Segment.fileName(nextSequence)), nextSequence);
        activeChannel = FileChannel.open(segment.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        active = segment;
        synchronized (segments) {
            segments.add(segment);
        }
    }

    public void onDrop(DropListener listener) {
        this.dropListener = listener;
    }

    public Recovery recovery() {
        return recovery;
    }

    public SpoolSettings settings() {
        return settings;
    }

    /**
     * Appends one message; it becomes readable at the next {@link #commit}. Called by the appending
     * thread only.
     *
     * @return its sequence number, or -1 if it was not spooled (at the cap with drop_newest, too large
     *     for the cap, or blocked when {@link #stopWaiting} was called): the caller counts the drop
     */
    public long append(ByteBuffer message, long receivedMicros) throws IOException {
        try {
            return appendOrThrow(message, receivedMicros);
        } catch (SpoolWriteException e) {
            throw e.plusOne(); // this message was not appended either
        }
    }

    private long appendOrThrow(ByteBuffer message, long receivedMicros) throws IOException {
        int size = SpoolRecord.HEADER_BYTES + message.remaining();
        if (!makeRoom(size)) {
            return -1;
        }
        long unflushed = writeBuffer.position();
        if (active.committedBytes + unflushed > 0
                && active.committedBytes + unflushed + size > settings.segmentBytes()) {
            roll();
        }
        long sequence = nextSequence;
        if (size > writeBuffer.remaining()) {
            commit();
        }
        if (size > writeBuffer.capacity()) {
            header.clear();
            SpoolRecord.putHeader(header, sequence, receivedMicros, message, crc);
            header.flip();
            ByteBuffer payload = message.duplicate();
            long position = active.committedBytes;
            try {
                while (header.hasRemaining()) {
                    position += activeChannel.write(header, position);
                }
                while (payload.hasRemaining()) {
                    position += activeChannel.write(payload, position);
                }
            } catch (IOException e) {
                cutBack();
                throw new SpoolWriteException(0, e);
            }
            nextSequence++;
            publish(position - active.committedBytes);
        } else {
            SpoolRecord.put(writeBuffer, sequence, receivedMicros, message, crc);
            nextSequence++;
            buffered++;
        }
        return sequence;
    }

    /** Cuts the active segment back to its last commit, so that no partial record is ever read. */
    private void cutBack() {
        try {
            activeChannel.truncate(active.committedBytes);
        } catch (IOException e) {
            log.error(
                    "spool " + active.file + ": cannot cut back a failed write (readers stop at byte "
                            + active.committedBytes + ")",
                    e);
        }
    }

    /** Writes what was appended to the segment file and makes it readable. */
    public void commit() throws IOException {
        if (writeBuffer.position() == 0) {
            return;
        }
        writeBuffer.flip();
        long position = active.committedBytes;
        int length = writeBuffer.remaining();
        try {
            while (writeBuffer.hasRemaining()) {
                position += activeChannel.write(writeBuffer, position);
            }
        } catch (IOException e) {
            int lost = buffered;
            writeBuffer.clear();
            buffered = 0;
            nextSequence -= lost; // their sequence numbers were never visible: no gap
            cutBack();
            throw new SpoolWriteException(lost, e);
        }
        writeBuffer.clear();
        buffered = 0;
        publish(length);
    }

    private final Object committed = new Object();
    private volatile long commits;
    private volatile boolean readerWaiting;

    /** How many commits so far: read it before finding nothing to read, then {@link #awaitCommit} after it. */
    public long commits() {
        return commits;
    }

    /** Waits up to {@code millis} for a commit after the {@code seen}-th; used by the reader when it has caught up. */
    public void awaitCommit(long seen, long millis) throws InterruptedException {
        synchronized (committed) {
            readerWaiting = true;
            try {
                if (commits != seen) {
                    return;
                }
                committed.wait(millis);
            } finally {
                readerWaiting = false;
            }
        }
    }

    private void signalCommit() {
        commits++;
        if (readerWaiting) {
            synchronized (committed) {
                committed.notifyAll();
            }
        }
    }

    private void publish(long bytes) {
        active.endSequence = nextSequence;
        active.committedBytes += bytes;
        diskBytes.addAndGet(bytes);
        signalCommit();
    }

    /** Commits and forces the segment to disk, and records progress, if the fsync interval has passed. */
    public void syncIfDue() throws IOException {
        long now = System.nanoTime();
        if (now - lastSyncNanos >= settings.fsyncInterval().toNanos()) {
            sync();
            lastSyncNanos = now;
        } else {
            commit();
        }
    }

    /** Commits, forces the active segment to disk, and writes the progress marks if they moved. */
    public void sync() throws IOException {
        commit();
        activeChannel.force(false);
        SpoolState now = new SpoolState(confirmedBelow, sentBelow);
        if (!now.equals(lastWrittenState)) {
            now.write(directory);
            lastWrittenState = now;
        }
    }

    private boolean makeRoom(int size) throws IOException {
        long cap = settings.maxBytes();
        if (diskBytes.get() + writeBuffer.position() + size <= cap) {
            return true;
        }
        if (size > cap / 2) {
            return false;
        }
        switch (settings.whenFull()) {
            case DROP_NEWEST:
                return false;
            case DROP_OLDEST:
                commit();
                while (diskBytes.get() + size > cap) {
                    dropOldest();
                }
                return true;
            case BLOCK:
            default:
                commit();
                synchronized (segments) {
                    while (diskBytes.get() + size > cap && !stopWaiting) {
                        try {
                            segments.wait(BLOCK_WAIT_MILLIS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }
                }
                return diskBytes.get() + size <= cap;
        }
    }

    /** Deletes the oldest segment, undelivered or not (policy drop_oldest), and tells the listener. */
    private void dropOldest() throws IOException {
        Segment victim;
        synchronized (segments) {
            if (segments.size() == 1) {
                roll();
            }
            victim = segments.remove(0);
            victim.dropped = true;
        }
        diskBytes.addAndGet(-victim.committedBytes);
        dropListener.droppedOldest(victim.firstSequence, victim.endSequence);
        try {
            Files.deleteIfExists(victim.file);
        } catch (IOException e) {
            log.error(
                    "spool: cannot delete dropped segment " + victim.file + " (its messages are counted as"
                            + " dropped; delete it by hand or it replays at the next start)",
                    e);
        }
    }

    /** Seals the active segment (forced to disk) and starts a new one. */
    private void roll() throws IOException {
        commit();
        activeChannel.force(false);
        activeChannel.close();
        active.sealed = true;
        openActive();
    }

    /**
     * Deletes the segments whose every message is below {@code sequence}: the output confirmed them.
     * Called by the reading thread.
     */
    public void release(long sequence) {
        if (sequence <= confirmedBelow) {
            return;
        }
        confirmedBelow = sequence;
        List<Segment> done = new ArrayList<>();
        synchronized (segments) {
            while (!segments.isEmpty()) {
                Segment oldest = segments.get(0);
                if (!oldest.sealed || oldest.endSequence > sequence) {
                    break;
                }
                done.add(segments.remove(0));
            }
        }
        for (Segment segment : done) {
            diskBytes.addAndGet(-segment.committedBytes);
            try {
                Files.deleteIfExists(segment.file);
            } catch (IOException e) {
                log.error("spool: cannot delete delivered segment " + segment.file + " (it will be replayed)", e);
            }
        }
        if (!done.isEmpty()) {
            synchronized (segments) {
                segments.notifyAll();
            }
        }
    }

    /** Everything below {@code sequence} was handed to the output at least once (for the duplicate estimate after a crash). */
    public void noteSent(long sequence) {
        if (sequence > sentBelow) {
            sentBelow = sequence;
        }
    }

    /** Makes a blocked {@link #append} give up (its message counted as dropped): the collector is stopping. */
    public void stopWaiting() {
        stopWaiting = true;
        synchronized (segments) {
            segments.notifyAll();
        }
    }

    /** A reader from the oldest unconfirmed message on. */
    public SpoolReader reader() {
        return new SpoolReader(this, recovery.replayFrom(), log);
    }

    /** The segment holding {@code sequence}, or the oldest one if it is older than all; null if none. */
    Segment segmentFor(long sequence) {
        synchronized (segments) {
            Segment found = segments.isEmpty() ? null : segments.get(0);
            for (Segment segment : segments) {
                if (segment.firstSequence <= sequence) {
                    found = segment;
                } else {
                    break;
                }
            }
            return found;
        }
    }

    /** The segment after {@code segment}, or null if it is the newest. */
    Segment segmentAfter(Segment segment) {
        synchronized (segments) {
            for (Segment candidate : segments) {
                if (candidate.firstSequence > segment.firstSequence) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Bytes of segment files on disk. */
    public long bytes() {
        return diskBytes.get();
    }

    /** Messages spooled and not yet confirmed (a datagram carrying several entries counts once). */
    public long entries() {
        long confirmed = confirmedBelow;
        long count = 0;
        synchronized (segments) {
            for (Segment segment : segments) {
                count += Math.max(0, segment.endSequence - Math.max(segment.firstSequence, confirmed));
            }
        }
        return count;
    }

    public Path directory() {
        return directory;
    }

    /** Commits, forces, records progress and unlocks; what is unconfirmed replays at the next open. */
    @Override
    public void close() throws IOException {
        try {
            sync();
        } finally {
            try {
                activeChannel.close();
            } finally {
                lock.release();
                lockChannel.close();
            }
        }
    }
}
