package io.journald4j.benchmarks;

import java.util.Arrays;

/**
 * Times every {@code emit()} of another source: the caller-side latency of logging, which is what an
 * AsyncLogger is for. Records into a preallocated array, so that timing adds no allocation.
 */
final class LatencyRecordingSource implements EventSource {

    private final EventSource source;
    private final long[] nanos;
    private int next;

    LatencyRecordingSource(EventSource source, long capacity) {
        this.source = source;
        this.nanos = new long[Math.toIntExact(capacity)];
    }

    @Override
    public void emit() {
        long start = System.nanoTime();
        source.emit();
        if (next < nanos.length) {
            nanos[next++] = System.nanoTime() - start;
        }
    }

    /** The {@code percentile} (0-100) of the last {@code count} emits, in microseconds. */
    double percentileMicros(long count, double percentile) {
        int from = Math.max(0, next - Math.toIntExact(count));
        long[] measured = Arrays.copyOfRange(nanos, from, next);
        if (measured.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(measured);
        int index = (int) Math.min(measured.length - 1, Math.ceil(percentile / 100 * measured.length) - 1);
        return measured[Math.max(0, index)] / 1e3;
    }

    @Override
    public long dropped() {
        return source.dropped();
    }

    @Override
    public void close() {
        source.close();
    }
}
