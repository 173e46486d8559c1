package io.journald4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Reads the sending thread's CPU and allocation, and the whole process's CPU, around a measured loop.
 * HotSpot's counters are the only ones precise enough for per-event figures.
 */
@SuppressForbidden(reason = "com.sun.management gives per-thread allocation and process CPU")
final class SendingThreadMeter {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    SendingThreadMeter() {
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread CPU and allocation");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        threads.setThreadCpuTimeEnabled(true);
    }

    /** Runs {@code events} emits on the calling thread and reports their cost. */
    Sample measure(
            String target, String variant, int round, EventSource source, long events, LongSupplier journaldCpu) {
        long journaldCpuBefore = journaldCpu.getAsLong();
        long processCpuBefore = system.getProcessCpuTime();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long droppedBefore = source.dropped();
        long start = System.nanoTime();
        for (long i = 0; i < events; i++) {
            source.emit();
        }
        long wall = System.nanoTime() - start;
        long threadCpu = threads.getCurrentThreadCpuTime() - threadCpuBefore;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long processCpu = system.getProcessCpuTime() - processCpuBefore;
        long journaldCpuUsed = journaldCpu.getAsLong() - journaldCpuBefore;
        return new Sample(
                target,
                variant,
                round,
                events,
                wall,
                threadCpu,
                processCpu,
                journaldCpuUsed,
                allocated,
                droppedBefore < 0 ? -1 : source.dropped() - droppedBefore);
    }
}
