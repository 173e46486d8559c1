package io.journald4j.benchmarks;

/**
 * What one measured round of one variant cost, for {@code events} events on the sending thread;
 * {@code droppedBySender} is -1 for a sender that cannot count its losses.
 */
record Sample(
        String target,
        String variant,
        int round,
        long events,
        long wallNanos,
        long threadCpuNanos,
        long processCpuNanos,
        long journaldCpuNanos,
        long allocatedBytes,
        long droppedBySender) {

    double eventsPerSecond() {
        return events * 1e9 / wallNanos;
    }

    double threadCpuMicrosPerEvent() {
        return threadCpuNanos / 1e3 / events;
    }

    double processCpuMicrosPerEvent() {
        return processCpuNanos / 1e3 / events;
    }

    double journaldCpuMicrosPerEvent() {
        return journaldCpuNanos / 1e3 / events;
    }

    double allocatedBytesPerEvent() {
        return (double) allocatedBytes / events;
    }
}
