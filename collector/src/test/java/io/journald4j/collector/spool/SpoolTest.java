package io.journald4j.collector.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journald4j.collector.DaemonLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path directory;

    private final DaemonLog log = new DaemonLog();

    private SpoolSettings settings(long maxBytes, SpoolFullPolicy policy) {
        return new SpoolSettings(directory.resolve("out"), maxBytes, policy, Duration.ofSeconds(1));
    }

    private static ByteBuffer message(long n, int size) {
        byte[] bytes = new byte[size];
        byte[] text = ("MESSAGE=" + n + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, Math.min(text.length, size));
        for (int i = text.length; i < size; i++) {
            bytes[i] = (byte) (n + i);
        }
        return ByteBuffer.wrap(bytes);
    }

    /** Everything the reader returns from now on, as (sequence, micros, bytes). */
    private static List<Object[]> readAll(SpoolReader reader) throws IOException {
        List<Object[]> read = new ArrayList<>();
        while (reader.next()) {
            ByteBuffer m = reader.message();
            byte[] copy = new byte[m.remaining()];
            m.duplicate().get(copy);
            read.add(new Object[] {reader.sequence(), reader.receivedMicros(), copy});
        }
        return read;
    }

    @Test
    void messagesAreReadBackInOrderWithTheirReceiveTimesAcrossSegmentsAndLargeRecords() throws IOException {
        List<ByteBuffer> written = new ArrayList<>();
        try (Spool spool = Spool.open(settings(4L * 1024 * 1024, SpoolFullPolicy.BLOCK), log)) {
            for (int i = 0; i < 1000; i++) {
                int size = i % 100 == 7 ? 300 * 1024 : 50 + i % 700;
                ByteBuffer m = message(i, size);
                written.add(m.duplicate());
                assertThat(spool.append(m, 1_000_000L + i)).isEqualTo(i);
                assertThat(m.position()).isZero();
            }
            spool.commit();
            try (SpoolReader reader = spool.reader()) {
                List<Object[]> read = readAll(reader);
                assertThat(read).hasSize(1000);
                for (int i = 0; i < 1000; i++) {
                    assertThat(read.get(i)[0]).isEqualTo((long) i);
                    assertThat(read.get(i)[1]).isEqualTo(1_000_000L + i);
                    assertThat(ByteBuffer.wrap((byte[]) read.get(i)[2])).isEqualTo(written.get(i));
                }
            }
            assertThat(segmentFiles()).hasSizeGreaterThan(2);
        }
    }

    @Test
    void theReaderFollowsTheAppenderAndSeesOnlyCommittedMessages() throws IOException {
        try (Spool spool = Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log);
                SpoolReader reader = spool.reader()) {
            assertThat(reader.next()).isFalse();
            spool.append(message(0, 100), 1);
            assertThat(reader.next()).as("not committed yet").isFalse();
            spool.commit();
            assertThat(reader.next()).isTrue();
            assertThat(reader.sequence()).isZero();
            assertThat(reader.next()).isFalse();
            spool.append(message(1, 100), 2);
            spool.commit();
            assertThat(reader.next()).isTrue();
            assertThat(reader.sequence()).isEqualTo(1);
        }
    }

    @Test
    void releaseDeletesOnlyWholeConfirmedSegments() throws IOException {
        try (Spool spool = Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log)) {
            for (int i = 0; i < 300; i++) {
                spool.append(message(i, 1000), i);
            }
            spool.commit();
            int before = segmentFiles().size();
            long bytesBefore = spool.bytes();
            assertThat(before).isGreaterThan(3);
            assertThat(spool.entries()).isEqualTo(300);
            spool.release(70);
            assertThat(spool.entries()).isEqualTo(230);
            assertThat(segmentFiles().size()).isLessThan(before);
            assertThat(spool.bytes()).isLessThan(bytesBefore);
            try (SpoolReader reader = spool.reader()) {
                reader.seek(70);
                assertThat(reader.next()).isTrue();
                assertThat(reader.sequence()).isEqualTo(70);
            }
            spool.release(300);
            assertThat(segmentFiles()).as("the active segment stays").hasSize(1);
            assertThat(spool.entries()).isZero();
        }
    }

    @Test
    void reopeningReplaysWhatWasNotConfirmedAndCountsWhatWasSentBefore() throws IOException {
        try (Spool spool = Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log)) {
            for (int i = 0; i < 100; i++) {
                spool.append(message(i, 200), i);
            }
            spool.release(40);
            spool.noteSent(70);
        }
        try (Spool spool = Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log);
                SpoolReader reader = spool.reader()) {
            assertThat(spool.recovery()).isEqualTo(new Spool.Recovery(40, 60, 30, 0, 100));
            List<Object[]> read = readAll(reader);
            assertThat(read).hasSize(60);
            assertThat(read.get(0)[0]).isEqualTo(40L);
            assertThat(spool.append(message(100, 10), 100))
                    .as("sequences continue")
                    .isEqualTo(100);
        }
    }

    @Test
    void aTornTailIsCutOffAndReportedAndEverythingElseReplays() throws IOException {
        try (Spool spool = Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log)) {
            for (int i = 0; i < 300; i++) {
                spool.append(message(i, 1000), i);
            }
        }
        List<Path> files = segmentFiles();
        assertThat(files.size()).isGreaterThanOrEqualTo(3);
        Path first = files.get(0);
        long firstSize = Files.size(first);
        try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.truncate(firstSize - 10); // a torn write: the last record lost its end
        }
        Path second = files.get(1);
        try (FileChannel channel = FileChannel.open(second, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long at = Files.size(second) - 500; // inside the last record's payload
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
            channel.write(one, at);
        }
        long perSegment = firstSequenceOf(files.get(1)) - firstSequenceOf(files.get(0));
        try (Spool spool = Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log);
                SpoolReader reader = spool.reader()) {
            assertThat(spool.recovery().corruptSegments()).isEqualTo(2);
            assertThat(spool.recovery().replayEntries()).isEqualTo(300 - 2);
            List<Long> sequences = new ArrayList<>();
            for (Object[] record : readAll(reader)) {
                sequences.add((Long) record[0]);
            }
            assertThat(sequences).hasSize(298).doesNotContain(perSegment - 1, 2 * perSegment - 1);
            assertThat(sequences).contains(0L, perSegment, 299L);
        }
        assertThat(Files.size(first)).isLessThan(firstSize - 10);
    }

    @Test
    void atTheCapDropNewestRefusesNewMessages() throws IOException {
        try (Spool spool = Spool.open(settings(256 * 1024, SpoolFullPolicy.DROP_NEWEST), log)) {
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 1000; i++) {
                if (spool.append(message(i, 1000), i) < 0) {
                    refused++;
                } else {
                    accepted++;
                }
            }
            spool.commit();
            assertThat(refused).isPositive();
            assertThat(spool.bytes()).isLessThanOrEqualTo(256 * 1024);
            try (SpoolReader reader = spool.reader()) {
                List<Object[]> read = readAll(reader);
                assertThat(read).hasSize(accepted);
                assertThat(read.get(0)[0]).isEqualTo(0L);
            }
        }
    }

    @Test
    void atTheCapDropOldestDeletesWholeOldSegmentsAndNamesTheirRanges() throws IOException {
        try (Spool spool = Spool.open(settings(256 * 1024, SpoolFullPolicy.DROP_OLDEST), log)) {
            AtomicLong dropped = new AtomicLong();
            List<long[]> ranges = new ArrayList<>();
            spool.onDrop((from, to) -> {
                ranges.add(new long[] {from, to});
                dropped.addAndGet(to - from);
            });
            for (int i = 0; i < 1000; i++) {
                assertThat(spool.append(message(i, 1000), i)).isEqualTo(i);
            }
            spool.commit();
            assertThat(spool.bytes()).isLessThanOrEqualTo(256 * 1024);
            assertThat(ranges.get(0)[0]).isZero();
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i)[0]).isEqualTo(ranges.get(i - 1)[1]);
            }
            try (SpoolReader reader = spool.reader()) {
                List<Object[]> read = readAll(reader);
                assertThat(read.size() + dropped.get()).isEqualTo(1000);
                assertThat(read.get(0)[0]).isEqualTo(dropped.get());
                assertThat(read.get(read.size() - 1)[0]).isEqualTo(999L);
            }
        }
    }

    @Test
    void atTheCapBlockWaitsForReleaseAndGivesUpWhenTold() throws Exception {
        try (Spool spool = Spool.open(settings(256 * 1024, SpoolFullPolicy.BLOCK), log)) {
            int i = 0;
            while (spool.bytes() + 2048 < 256 * 1024) {
                spool.append(message(i, 1000), i);
                i++;
                spool.commit();
            }
            long filled = i;
            CountDownLatch appended = new CountDownLatch(1);
            AtomicLong result = new AtomicLong(Long.MIN_VALUE);
            Thread appender = new Thread(() -> {
                try {
                    for (int k = 0; k < 10; k++) {
                        result.set(spool.append(message(filled + k, 1000), 0));
                    }
                    appended.countDown();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            appender.start();
            assertThat(appended.await(300, TimeUnit.MILLISECONDS))
                    .as("blocked at the cap")
                    .isFalse();
            spool.release(filled / 2);
            assertThat(appended.await(5, TimeUnit.SECONDS))
                    .as("room after release")
                    .isTrue();
            assertThat(result.get()).isEqualTo(filled + 9);

            Thread blocked = new Thread(() -> {
                try {
                    while (true) {
                        if (spool.append(message(0, 1000), 0) < 0) {
                            result.set(-1);
                            return;
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            blocked.start();
            blocked.join(300);
            assertThat(blocked.isAlive()).isTrue();
            spool.stopWaiting();
            blocked.join(5000);
            assertThat(blocked.isAlive()).isFalse();
            assertThat(result.get()).isEqualTo(-1);
        }
    }

    @Test
    void aSecondCollectorCannotOpenTheSameSpool() throws IOException {
        try (Spool spool = Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log)) {
            assertThatThrownBy(() -> Spool.open(settings(1024 * 1024, SpoolFullPolicy.BLOCK), log))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already open");
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("out"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(Segment.SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private static long firstSequenceOf(Path segment) {
        return Segment.parseFirstSequence(segment.getFileName().toString());
    }
}
