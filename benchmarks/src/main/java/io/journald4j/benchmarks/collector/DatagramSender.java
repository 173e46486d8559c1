package io.journald4j.benchmarks.collector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * One sender process of {@link CollectorBenchmark}: a blocking, connected junixsocket datagram channel
 * writing ~200-byte native-protocol entries, each distinct (its sequence number is in {@code MESSAGE}
 * and {@code BENCH_SEQ}) and stamped with {@code SENT_US}, its intended send time, and {@code WRITE_US},
 * the time of the {@code write} call, in CLOCK_REALTIME microseconds. Floods ({@code --rate=0}) or paces at {@code --rate} entries/s; prints one
 * {@code key=value} result line on stdout.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.journald4j.benchmarks.collector.DatagramSender \
 *     --socket=/run/j4j/socket --id=1 --start-at-ms=EPOCH_MS --warmup=3 --seconds=20 [--rate=5000]
 * </pre>
 */
public final class DatagramSender {

    static final String IDENTIFIER = "j4jcollbench";
    private static final int SEQ_DIGITS = 10;
    private static final int MICROS_DIGITS = 16;

    private final byte[] datagram;
    private final int seqInMessage;
    private final int seqInField;
    private final int sentAt;
    private final int writeAt;

    private DatagramSender(int senderId) {
        String head = "MESSAGE=collector benchmark entry from sender " + senderId + " number ";
        String seq = "0".repeat(SEQ_DIGITS);
        String middle = ", a typical application log line\n"
                + "PRIORITY=6\n"
                + "SYSLOG_IDENTIFIER=" + IDENTIFIER + "\n"
                + "BENCH_SENDER=" + senderId + "\n"
                + "BENCH_SEQ=";
        String afterSeq = "\nSENT_US=";
        String afterSent = "\nWRITE_US=";
        String text = head + seq + middle + seq + afterSeq + "0".repeat(MICROS_DIGITS) + afterSent
                + "0".repeat(MICROS_DIGITS) + "\n";
        this.datagram = text.getBytes(StandardCharsets.US_ASCII);
        this.seqInMessage = head.length();
        this.seqInField = head.length() + SEQ_DIGITS + middle.length();
        this.sentAt = seqInField + SEQ_DIGITS + afterSeq.length();
        this.writeAt = sentAt + MICROS_DIGITS + afterSent.length();
    }

    /** The datagram's size in bytes (the same for every entry). */
    int size() {
        return datagram.length;
    }

    private void stamp(long seq, long sentMicros, long writeMicros) {
        digits(seqInMessage, SEQ_DIGITS, seq);
        digits(seqInField, SEQ_DIGITS, seq);
        digits(sentAt, MICROS_DIGITS, sentMicros);
        digits(writeAt, MICROS_DIGITS, writeMicros);
    }

    private void digits(int at, int width, long value) {
        long v = value;
        for (int i = at + width - 1; i >= at; i--) {
            datagram[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** The upper bound in µs of the bucket holding the quantile; 0 when nothing was recorded. */
    private static long percentile(long[] histogram, double quantile) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < histogram.length && total > 0; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return (i + 1) * 10L;
            }
        }
        return 0;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args);
        String socket = Options.required(options, "socket");
        int id = Integer.parseInt(options.getOrDefault("id", "1"));
        long startAtMillis =
                Long.parseLong(options.getOrDefault("start-at-ms", Long.toString(System.currentTimeMillis())));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "0"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));

        DatagramSender sender = new DatagramSender(id);
        ByteBuffer buffer = ByteBuffer.wrap(sender.datagram);
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.connect(AFUNIXSocketAddress.of(new java.io.File(socket)));
            // Start together with the other senders: wall clock, since they are separate processes.
            long waitMillis = startAtMillis - System.currentTimeMillis();
            if (waitMillis > 0) {
                LockSupport.parkNanos(waitMillis * 1_000_000L);
            }
            long start = System.nanoTime();
            long windowStart = start + (long) (warmup * 1e9);
            long end = windowStart + (long) (seconds * 1e9);
            long periodNanos = rate > 0 ? (long) (1e9 / rate) : 0;
            long seq = 0;
            long windowSent = 0;
            long errors = 0;
            long maxLateNanos = 0;
            // Paced: how late each send was against its schedule (10 µs buckets, window only).
            long[] lateHistogram = new long[10_001];
            long now = start;
            while (now < end) {
                long sentMicros;
                long writeMicros;
                if (periodNanos > 0) {
                    long intended = start + seq * periodNanos;
                    while ((now = System.nanoTime()) < intended) {
                        LockSupport.parkNanos(intended - now);
                    }
                    long late = now - intended;
                    maxLateNanos = Math.max(maxLateNanos, late);
                    if (now >= windowStart) {
                        lateHistogram[(int) Math.min(lateHistogram.length - 1, late / 10_000)]++;
                    }
                    // The intended time, so that a sender held up by a full queue still counts the wait.
                    writeMicros = nowMicros();
                    sentMicros = writeMicros - late / 1000;
                } else {
                    sentMicros = nowMicros();
                    writeMicros = sentMicros;
                }
                sender.stamp(seq, sentMicros, writeMicros);
                buffer.clear();
                try {
                    channel.write(buffer);
                } catch (IOException e) {
                    errors++;
                    if (errors == 1) {
                        System.err.println("sender " + id + ": " + e);
                    }
                    now = System.nanoTime();
                    continue;
                }
                seq++;
                now = System.nanoTime();
                if (now >= windowStart && now < end) {
                    windowSent++;
                }
            }
            long windowNanos = Math.min(now, end) - windowStart;
            System.out.println("sent=" + seq + " window_sent=" + windowSent + " window_ns=" + windowNanos
                    + " errors=" + errors + " max_late_us=" + maxLateNanos / 1000
                    + " late_p99_us=" + percentile(lateHistogram, 0.99) + " late_p999_us="
                    + percentile(lateHistogram, 0.999)
                    + " size=" + sender.size());
        }
    }
}
