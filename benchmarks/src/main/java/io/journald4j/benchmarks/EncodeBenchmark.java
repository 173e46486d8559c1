package io.journald4j.benchmarks;

import io.journald4j.protocol.JournalEncoder;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of turning one typical event into a native-protocol datagram, with the encoder's reused
 * buffer: the work every appender does per event before the socket. Steady state must allocate
 * nothing, so run it with the GC profiler and expect {@code gc.alloc.rate.norm} of 0 B/op.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EncodeBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncodeBenchmark {

    @Param({"100", "1000"})
    int messageLength;

    /** Whether MESSAGE mixes 2- and 3-byte UTF-8 characters into the text. */
    @Param({"false", "true"})
    boolean nonAscii;

    private final JournalEncoder encoder = new JournalEncoder();
    private String message;
    private long eventTimeMicros;

    @Setup
    public void prepareMessage() {
        message = TypicalEvent.message(messageLength, nonAscii);
        eventTimeMicros = System.currentTimeMillis() * 1000;
    }

    @Benchmark
    public ByteBuffer encodeTypicalEvent() {
        TypicalEvent.encode(encoder, message, "orders", eventTimeMicros++);
        return encoder.entry();
    }
}
