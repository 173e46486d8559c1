package io.journald4j.benchmarks;

import de.bwaldvogel.log4j.SystemdJournalAppender;
import io.journald4j.benchmarks.EndToEndHarness.Delivery;
import io.journald4j.log4j.JournalAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The Log4j 2 variants into one journald, round by round in a rotating order on the calling thread:
 * raw pre-encoded datagrams (identical, and distinct: the like-for-like baseline), journald4j's Log4j
 * appender synchronously and behind an AsyncLogger (caller-side latency recorded), and the JNA peer;
 * then, uncapped by journald's ingest rate, the raw loop and the appender into a plain datagram receiver,
 * and Log4j alone into an appender that only reads the event (the floor any appender starts from).
 */
final class Log4jHarness {

    static final String RAW = "raw";
    static final String RAW_DISTINCT = "raw-distinct";
    static final String SYNC = "log4j-sync";
    static final String ASYNC = "log4j-async";
    static final String PEER = "log4j-peer";
    static final String FLOOR = "log4j-floor";
    static final String RX_RAW = "rx-raw";
    static final String RX_SYNC = "rx-log4j-sync";

    private record Variant(String target, String name, IntFunction<EventSource> open) {}

    /** Caller-side latency of one async round, in microseconds. */
    record Latency(int round, double p50, double p99, double p999) {}

    private final EndToEndOptions options;
    private final SendingThreadMeter meter = new SendingThreadMeter();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();

    Log4jHarness(EndToEndOptions options) {
        this.options = options;
    }

    List<Sample> samples() {
        return samples;
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    List<Latency> latencies() {
        return latencies;
    }

    /** Measures every variant; {@code sink} null skips the plain-receiver ones. */
    void run(Path socket, String namespace, long journaldPid, boolean peer, DatagramSink sink)
            throws IOException, InterruptedException {
        String j = EndToEndHarness.JOURNALD;
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(j, RAW, round -> new RawDatagramSource(socket, identifier(RAW, round))));
        variants.add(new Variant(
                j,
                RAW_DISTINCT,
                round -> new DistinctDatagramSource(
                        socket, identifier(RAW_DISTINCT, round), Math.toIntExact(eventsPerRound()))));
        variants.add(new Variant(j, SYNC, round -> journald4j(socket, SYNC, round, false)));
        variants.add(new Variant(
                j,
                ASYNC,
                round -> new LatencyRecordingSource(journald4j(socket, ASYNC, round, true), eventsPerRound())));
        if (peer) {
            variants.add(new Variant(j, PEER, this::peer));
        }
        if (sink != null) {
            String r = EndToEndHarness.RECEIVER;
            variants.add(new Variant(
                    r, RX_RAW, round -> new RawDatagramSource(sink.socketPath(), identifier(RX_RAW, round))));
            variants.add(new Variant(r, RX_SYNC, round -> journald4j(sink.socketPath(), RX_SYNC, round, false)));
        }
        variants.add(new Variant(EndToEndHarness.NO_OUTPUT, FLOOR, round -> new Log4jSource(
                        FLOOR, new MinimalLog4jAppender(), false, () -> 0L, eventsPerRound())
                .withThreadContextOnThisThread()));
        Thread.currentThread().setName(TypicalEvent.THREAD_NAME);
        for (int round = 1; round <= options.rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                runRound(variants.get((i + round - 1) % variants.size()), round, namespace, journaldPid, sink);
            }
        }
    }

    private void runRound(Variant variant, int round, String namespace, long journaldPid, DatagramSink sink)
            throws IOException, InterruptedException {
        boolean intoJournald = variant.target().equals(EndToEndHarness.JOURNALD);
        long receivedBefore = sink == null ? 0 : sink.received();
        Sample sample;
        try (EventSource source = variant.open().apply(round)) {
            for (long i = 0; i < options.warmup; i++) {
                source.emit();
            }
            System.gc();
            Thread.sleep(300); // let journald catch up with the warm-up before the clock starts
            sample = meter.measure(
                    variant.target(),
                    variant.name(),
                    round,
                    source,
                    options.events,
                    () -> intoJournald && journaldPid > 0 ? ProcessCpu.ofPid(journaldPid) : 0L);
            if (source instanceof LatencyRecordingSource timed) {
                latencies.add(new Latency(
                        round,
                        timed.percentileMicros(options.events, 50),
                        timed.percentileMicros(options.events, 99),
                        timed.percentileMicros(options.events, 99.9)));
            }
        }
        samples.add(sample);
        System.out.printf(
                Locale.ROOT,
                "round %d %-13s %,10.0f events/s  %6.2f us CPU/event  %7.1f B/event%n",
                round,
                sample.variant(),
                sample.eventsPerSecond(),
                sample.threadCpuMicrosPerEvent(),
                sample.allocatedBytesPerEvent());
        long sent = eventsPerRound();
        if (intoJournald) {
            long arrived = PrivateJournald.countEntries(namespace, identifier(variant.name(), round), sent);
            deliveries.add(new Delivery(variant.target(), variant.name(), round, sent, arrived));
        } else if (variant.target().equals(EndToEndHarness.RECEIVER)) {
            long arrived = sink.awaitReceived(receivedBefore + sent, 5000) - receivedBefore;
            deliveries.add(new Delivery(variant.target(), variant.name(), round, sent, arrived));
        }
        Thread.sleep(200);
    }

    private static String identifier(String variant, int round) {
        return "bench-" + variant + "-r" + round;
    }

    private long eventsPerRound() {
        return options.warmup + options.events;
    }

    private EventSource journald4j(Path socket, String variant, int round, boolean async) {
        JournalAppender appender = JournalAppender.newBuilder()
                .setName(variant)
                .setSocketPath(socket.toString())
                .setSyslogIdentifier(identifier(variant, round))
                .setPolicy("block")
                .build();
        return new Log4jSource(appender.getName(), appender, async, appender::getDroppedCount, eventsPerRound())
                .withThreadContextOnThisThread();
    }

    /**
     * de.bwaldvogel's appender with the same fields as journald4j (bar EVENT_TIME_USEC): thread and logger
     * name, and the ThreadContext without a prefix. It cannot count its losses (it ignores sd_journal_send's result).
     */
    private EventSource peer(int round) {
        SystemdJournalAppender appender = SystemdJournalAppender.createAppender(
                PEER,
                "true",
                "false",
                "true",
                "true",
                "false",
                "true",
                "true",
                "",
                identifier(PEER, round),
                null,
                null,
                null);
        return new Log4jSource(PEER, appender, false, () -> -1L, eventsPerRound()).withThreadContextOnThisThread();
    }
}
