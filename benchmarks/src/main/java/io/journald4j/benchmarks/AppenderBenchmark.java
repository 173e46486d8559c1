package io.journald4j.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.journald4j.logback.JournaldAppender;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.SendListener;
import io.journald4j.transport.SenderConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The appender's own per-event work (mapping a Logback event, encoding, one datagram write) against
 * a bare datagram write of the same entry, both into a {@link DatagramSink} rather than journald, so
 * that journald's storage speed does not hide the difference. The event is built once: Logback's
 * cost of creating it is not the appender's (see {@link EndToEnd} for the whole path). With
 * {@code -prof gc}, {@code doAppend} should allocate nothing.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AppenderBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AppenderBenchmark {

    @Param({"100", "1000"})
    int messageLength;

    /**
     * Where the event's MDC map comes from: Logback's own adapter (an unmodifiable map, as in real
     * logging) or a plain HashMap; iterating the former allocates wrappers the latter does not.
     */
    @Param({"logbackAdapter", "plainHashMap"})
    String mdcMap;

    private DatagramSink sink;
    private LoggerContext context;
    private JournaldAppender appender;
    private LoggingEvent event;
    private DatagramJournalSender rawSender;
    private ByteBuffer encodedEntry;

    @Setup
    public void openSinkAndAppender() throws IOException {
        sink = DatagramSink.open();
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        appender = new JournaldAppender();
        appender.setContext(context);
        appender.setName("journald4j");
        appender.setSocketPath(sink.socketPath().toString());
        appender.setSyslogIdentifier("orders");
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException(
                    "appender did not start: " + context.getStatusManager().getCopyOfStatusList());
        }
        Logger logger = context.getLogger(TypicalEvent.LOGGER_NAME);
        TypicalEvent.MDC.forEach(context.getMDCAdapter()::put);
        event = new LoggingEvent(
                Logger.class.getName(), logger, Level.INFO, TypicalEvent.message(messageLength, false), null, null);
        if (mdcMap.equals("plainHashMap")) {
            event.setMDCPropertyMap(new HashMap<>(TypicalEvent.MDC));
        }
        // Captures the MDC (and thread name) now, once, as an asynchronous appender would.
        event.prepareForDeferredProcessing();

        rawSender = DatagramJournalSender.open(
                SenderConfig.defaults().withSocketPath(sink.socketPath()), SendListener.NONE);
        JournalEncoder encoder = new JournalEncoder();
        TypicalEvent.encode(encoder, TypicalEvent.message(messageLength, false), "orders", 1_700_000_000_000_000L);
        ByteBuffer entry = encoder.entry();
        byte[] bytes = new byte[entry.remaining()];
        entry.get(bytes);
        encodedEntry = ByteBuffer.wrap(bytes);
    }

    @TearDown
    public void close() throws IOException {
        context.getMDCAdapter().clear();
        appender.stop();
        rawSender.close();
        context.stop();
        sink.close();
        if (appender.getDroppedCount() != 0) {
            throw new IllegalStateException("the appender dropped " + appender.getDroppedCount() + " events");
        }
    }

    /** Baseline: the pre-encoded entry written as one datagram. */
    @Benchmark
    public boolean rawSend() {
        encodedEntry.rewind();
        return rawSender.send(encodedEntry);
    }

    /** The appender: map, encode into a pooled buffer, write one datagram. */
    @Benchmark
    public void journaldAppender() {
        appender.doAppend(event);
    }
}
