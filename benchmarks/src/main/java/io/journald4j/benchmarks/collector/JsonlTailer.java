package io.journald4j.benchmarks.collector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows the collector's jsonl file as it grows. It counts lines and, when asked to, records four
 * instants per line, all CLOCK_REALTIME microseconds and so comparable across processes: the sender's {@code SENT_US} (intended send time) and {@code WRITE_US} (its write call), the
 * collector's {@code __REALTIME_TIMESTAMP} (received) and the moment this thread read the line (written,
 * an upper bound: it polls every 100 µs).
 */
final class JsonlTailer implements Runnable {

    private static final byte[] SENT = "\"SENT_US\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRITE = "\"WRITE_US\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECEIVED = "\"__REALTIME_TIMESTAMP\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final boolean measure;
    private final long measureFromMicros;
    private volatile boolean running = true;
    private volatile long lines;
    /** Per measured line, µs: intended send, write call, collector receive, line read; relative to the intended send. */
    private long[] written = new long[1 << 16];

    private long[] received = new long[1 << 16];
    private long[] writeCall = new long[1 << 16];
    private int samples;
    private long unparsed;
    /** Time between the starts of successive reads, 10 µs buckets: this thread's own share of "written". */
    private final long[] pollGaps = new long[10_001];

    /** @param measureFromMicros lines sent before this time (the warm-up) are counted but not measured */
    JsonlTailer(Path file, boolean measure, long measureFromMicros) {
        this.file = file;
        this.measure = measure;
        this.measureFromMicros = measureFromMicros;
    }

    long lines() {
        return lines;
    }

    /** Waits until {@code expected} lines or until none arrived for {@code stallMillis}; returns the count. */
    long awaitLines(long expected, long stallMillis) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = lines;
            if (now >= expected) {
                return now;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if ((System.nanoTime() - lastChange) / 1_000_000 > stallMillis) {
                return now;
            }
            Thread.sleep(5);
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(4 * 1024 * 1024);
        byte[] bytes = buffer.array();
        long count = 0;
        long previousRead = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (running) {
                long readStart = System.nanoTime();
                pollGaps[(int) Math.min(pollGaps.length - 1, (readStart - previousRead) / 10_000)]++;
                previousRead = readStart;
                int read = channel.read(buffer);
                if (read <= 0) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                long seenMicros = DatagramSender.nowMicros();
                int lineStart = 0;
                int end = buffer.position();
                for (int i = 0; i < end; i++) {
                    if (bytes[i] == '\n') {
                        count++;
                        if (measure) {
                            measure(bytes, lineStart, i, seenMicros);
                        }
                        lineStart = i + 1;
                    }
                }
                lines = count;
                // Keep a partial last line for the next read.
                System.arraycopy(bytes, lineStart, bytes, 0, end - lineStart);
                buffer.position(end - lineStart);
                if (!buffer.hasRemaining()) {
                    throw new IOException("a line longer than " + bytes.length + " bytes");
                }
            }
        } catch (IOException e) {
            System.err.println("tailing " + file + " failed: " + e);
        }
    }

    private void measure(byte[] bytes, int from, int to, long seenMicros) {
        long sent = field(bytes, from, to, SENT);
        long receivedAt = field(bytes, from, to, RECEIVED);
        long writeAt = field(bytes, from, to, WRITE);
        if (sent < 0 || receivedAt < 0 || writeAt < 0) {
            unparsed++;
            return;
        }
        if (sent < measureFromMicros) {
            return;
        }
        if (samples == written.length) {
            written = Arrays.copyOf(written, samples * 2);
            received = Arrays.copyOf(received, samples * 2);
            writeCall = Arrays.copyOf(writeCall, samples * 2);
        }
        written[samples] = seenMicros - sent;
        received[samples] = receivedAt - sent;
        writeCall[samples] = writeAt - sent;
        samples++;
    }

    private static long field(byte[] bytes, int from, int to, byte[] key) {
        outer:
        for (int i = from; i + key.length < to; i++) {
            for (int k = 0; k < key.length; k++) {
                if (bytes[i + k] != key[k]) {
                    continue outer;
                }
            }
            long value = 0;
            for (int j = i + key.length; j < to && bytes[j] != '"'; j++) {
                value = value * 10 + (bytes[j] - '0');
            }
            return value;
        }
        return -1;
    }

    /**
     * Sorted latencies in µs between two of the four instants of each measured line ({@code 0} intended
     * send, {@code 1} write call, {@code 2} received by the collector, {@code 3} line read from the file);
     * call after the thread has stopped.
     */
    long[] latencies(int from, int to) {
        long[] sorted = new long[samples];
        for (int i = 0; i < samples; i++) {
            sorted[i] = instant(to, i) - instant(from, i);
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private long instant(int which, int i) {
        switch (which) {
            case 0:
                return 0;
            case 1:
                return writeCall[i];
            case 2:
                return received[i];
            default:
                return written[i];
        }
    }

    /** The {@code quantile} of the gaps between reads in µs (bucket upper bound); call after the thread has stopped. */
    long pollGapMicros(double quantile) {
        long total = Arrays.stream(pollGaps).sum();
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < pollGaps.length; i++) {
            seen += pollGaps[i];
            if (seen >= rank) {
                return (i + 1) * 10L;
            }
        }
        return 0;
    }

    long unparsed() {
        return unparsed;
    }
}
