package io.journald4j.benchmarks;

import io.journald4j.logback.JournaldAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.gnieh.logback.SystemdJournalAppender;

/**
 * Runs every variant round by round, in a rotating order, on the calling thread, so that drift on a
 * shared machine (other work, journal files growing) spreads over all variants instead of one.
 */
final class EndToEndHarness {

    static final String JOURNALD = "journald";
    static final String RECEIVER = "receiver";
    static final String NO_OUTPUT = "none";

    static final String RAW = "raw";
    static final String RAW_DISTINCT = "raw-distinct";
    static final String JOURNALD4J = "journald4j";
    static final String PEER = "peer";
    static final String LOGBACK_FLOOR = "logback-floor";

    /** One variant into one target; {@code open} builds its source for a round. */
    private record Variant(String target, String name, IntFunction<EventSource> open) {}

    /** How many events a round sent into a target and how many arrived. */
    record Delivery(String target, String variant, int round, long sent, long arrived) {}

    private final EndToEndOptions options;
    private final SendingThreadMeter meter = new SendingThreadMeter();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private String namespace;

    EndToEndHarness(EndToEndOptions options) {
        this.options = options;
    }

    List<Sample> samples() {
        return samples;
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    /**
     * Measures all variants. {@code journalSocket} null skips journald; {@code sink} null skips the
     * plain receiver; the peer runs only if {@code peer} (its socket is always libsystemd's default).
     */
    void run(Path journalSocket, String namespace, long journaldPid, boolean peer, DatagramSink sink)
            throws IOException, InterruptedException {
        this.namespace = namespace;
        List<Variant> variants = new ArrayList<>();
        if (journalSocket != null) {
            variants.add(new Variant(JOURNALD, RAW, round -> raw(journalSocket, round)));
            variants.add(new Variant(JOURNALD, RAW_DISTINCT, round -> rawDistinct(journalSocket, round)));
            variants.add(new Variant(JOURNALD, JOURNALD4J, round -> journald4j(journalSocket, round)));
            if (peer) {
                variants.add(new Variant(JOURNALD, PEER, this::peer));
            }
        }
        if (sink != null) {
            variants.add(new Variant(RECEIVER, RAW, round -> raw(sink.socketPath(), round)));
            variants.add(new Variant(RECEIVER, JOURNALD4J, round -> journald4j(sink.socketPath(), round)));
        }
        variants.add(new Variant(NO_OUTPUT, LOGBACK_FLOOR, round -> floor()));

        Thread.currentThread().setName(TypicalEvent.THREAD_NAME);
        for (int round = 1; round <= options.rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get((i + round - 1) % variants.size());
                runRound(variant, round, sink, journaldPid);
            }
        }
    }

    private void runRound(Variant variant, int round, DatagramSink sink, long journaldPid)
            throws IOException, InterruptedException {
        long receivedBefore = sink == null ? 0 : sink.received();
        LongSupplier journaldCpu =
                variant.target().equals(JOURNALD) && journaldPid > 0 ? () -> ProcessCpu.ofPid(journaldPid) : () -> 0L;
        Sample sample;
        try (EventSource source = variant.open().apply(round)) {
            for (long i = 0; i < options.warmup; i++) {
                source.emit();
            }
            System.gc();
            Thread.sleep(300); // let journald catch up with the warm-up before the clock starts
            sample = meter.measure(variant.target(), variant.name(), round, source, options.events, journaldCpu);
        }
        samples.add(sample);
        System.out.printf(
                Locale.ROOT,
                "round %d %-8s %-13s %,10.0f events/s  %6.2f us CPU/event  %6.1f B/event%n",
                round,
                sample.target(),
                sample.variant(),
                sample.eventsPerSecond(),
                sample.threadCpuMicrosPerEvent(),
                sample.allocatedBytesPerEvent());
        long sent = eventsPerRound();
        if (variant.target().equals(RECEIVER)) {
            long arrived = sink.awaitReceived(receivedBefore + sent, 5000) - receivedBefore;
            deliveries.add(new Delivery(RECEIVER, variant.name(), round, sent, arrived));
        } else if (variant.target().equals(JOURNALD)) {
            String identifier = identifier(variant.name(), round);
            long arrived = PrivateJournald.countEntries(namespace, identifier, sent);
            deliveries.add(new Delivery(JOURNALD, variant.name(), round, sent, arrived));
        }
        Thread.sleep(200);
    }

    private static String identifier(String variant, int round) {
        return "bench-" + variant + "-r" + round;
    }

    private long eventsPerRound() {
        return options.warmup + options.events;
    }

    private EventSource raw(Path socketPath, int round) {
        return new RawDatagramSource(socketPath, identifier(RAW, round));
    }

    private EventSource rawDistinct(Path socketPath, int round) {
        return new DistinctDatagramSource(
                socketPath, identifier(RAW_DISTINCT, round), Math.toIntExact(eventsPerRound()));
    }

    private EventSource journald4j(Path socketPath, int round) {
        JournaldAppender appender = new JournaldAppender();
        appender.setName("journald4j");
        appender.setSocketPath(socketPath.toString());
        appender.setSyslogIdentifier(identifier(JOURNALD4J, round));
        appender.setPolicy("block");
        return new LogbackSource(appender, appender::getDroppedCount, eventsPerRound()).withMdcOnThisThread();
    }

    /** gnieh/logback-journal configured to send the same fields as journald4j (bar EVENT_TIME_USEC). */
    private EventSource peer(int round) {
        SystemdJournalAppender appender = new SystemdJournalAppender();
        appender.setName("peer");
        appender.setSyslogIdentifier(identifier(PEER, round));
        appender.setLogLoggerName(true);
        appender.setLogThreadName(true);
        appender.setLogMdc(true);
        // It cannot count its losses: sd_journal_send's return value is ignored.
        return new LogbackSource(appender, () -> -1L, eventsPerRound()).withMdcOnThisThread();
    }

    private EventSource floor() {
        MinimalAppender appender = new MinimalAppender();
        appender.setName("floor");
        return new LogbackSource(appender, () -> 0L, eventsPerRound()).withMdcOnThisThread();
    }
}
