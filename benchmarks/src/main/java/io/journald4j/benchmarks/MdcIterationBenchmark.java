package io.journald4j.benchmarks;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Why the appender allocates per event on the MDC: Logback 1.5 hands events an unmodifiable view of
 * the MDC, whose {@code entrySet()} iterator wraps every entry, while {@code forEach} with a reused
 * consumer walks the map without allocating. Compare {@code gc.alloc.rate.norm}.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar MdcIterationBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MdcIterationBenchmark {

    @Param({"3", "10"})
    int entries;

    private Map<String, String> mdc;
    private final LengthSum sum = new LengthSum();

    /** A consumer kept for reuse, as an appender would keep one per pooled buffer. */
    private static final class LengthSum implements BiConsumer<String, String> {
        long total;

        @Override
        public void accept(String key, String value) {
            total += key.length() + value.length();
        }
    }

    @Setup
    public void fillMdc() {
        LogbackMDCAdapter adapter = new LogbackMDCAdapter();
        for (int i = 0; i < entries; i++) {
            adapter.put("key_" + i, "value-" + i);
        }
        mdc = adapter.getPropertyMap();
    }

    @Benchmark
    public long entrySetLoop() {
        long total = 0;
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            total += entry.getKey().length() + entry.getValue().length();
        }
        return total;
    }

    @Benchmark
    public long forEachWithReusedConsumer() {
        sum.total = 0;
        mdc.forEach(sum);
        return sum.total;
    }
}
