package io.journald4j.benchmarks;

import io.journald4j.benchmarks.EndToEndHarness.Delivery;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints medians over rounds, ratios paired round by round (absolute rates on a shared 2-core machine
 * drift between rounds, much less within one; journald variants against distinct raw datagrams, receiver
 * variants against the raw loop into the receiver), the AsyncLogger's caller-side latency, and the issue's
 * Log4j targets.
 */
final class Log4jEndToEndReport {

    private final List<Sample> samples;
    private final List<Delivery> deliveries;
    private final List<Log4jHarness.Latency> latencies;
    private final PrintStream out;

    Log4jEndToEndReport(Log4jHarness harness, PrintStream out) {
        this.samples = harness.samples();
        this.deliveries = harness.deliveries();
        this.latencies = harness.latencies();
        this.out = out;
    }

    void print() {
        out.println();
        out.printf(
                Locale.ROOT,
                "%-13s %12s %13s %10s %11s %11s %9s  %s%n",
                "variant",
                "events/s",
                "vs baseline",
                "thread us",
                "process us",
                "journald us",
                "B/event",
                "arrived/sent");
        Map<String, List<Sample>> byVariant = new LinkedHashMap<>();
        samples.forEach(s ->
                byVariant.computeIfAbsent(s.variant(), key -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<Sample>> group : byVariant.entrySet()) {
            double ratio = pairedRatio(group.getKey(), baselineOf(group.getKey()));
            out.printf(
                    Locale.ROOT,
                    "%-13s %,12.0f %13s %10.2f %11.2f %11.2f %9.1f  %s%n",
                    group.getKey(),
                    median(group.getValue(), Sample::eventsPerSecond),
                    Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio),
                    median(group.getValue(), Sample::threadCpuMicrosPerEvent),
                    median(group.getValue(), Sample::processCpuMicrosPerEvent),
                    median(group.getValue(), Sample::journaldCpuMicrosPerEvent),
                    median(group.getValue(), Sample::allocatedBytesPerEvent),
                    arrivals(group.getKey()));
        }
        for (Log4jHarness.Latency latency : latencies) {
            out.printf(
                    Locale.ROOT,
                    "%s caller latency, round %d: p50 %.2f us, p99 %.2f us, p99.9 %.2f us%n",
                    Log4jHarness.ASYNC,
                    latency.round(),
                    latency.p50(),
                    latency.p99(),
                    latency.p999());
        }
        out.println();
        double sync = pairedRatio(Log4jHarness.SYNC, Log4jHarness.RAW_DISTINCT);
        check("log4j-sync/raw-distinct events/s", sync, ">= 0.90x", sync >= 0.9, "%.2fx");
        double identical = pairedRatio(Log4jHarness.SYNC, Log4jHarness.RAW);
        check("log4j-sync/raw (identical datagram) events/s", identical, "information", true, "%.2fx");
        double versusPeer = pairedRatio(Log4jHarness.SYNC, Log4jHarness.PEER);
        check("log4j-sync/peer events/s", versusPeer, ">= 1.80x", versusPeer >= 1.8, "%.2fx");
        double cpu = median(Log4jHarness.PEER, Sample::threadCpuMicrosPerEvent)
                / median(Log4jHarness.SYNC, Sample::threadCpuMicrosPerEvent);
        check("peer/log4j-sync sending-thread CPU per event", cpu, ">= 3.00x", cpu >= 3, "%.2fx");
        double processCpu = median(Log4jHarness.PEER, Sample::processCpuMicrosPerEvent)
                / median(Log4jHarness.SYNC, Sample::processCpuMicrosPerEvent);
        check("peer/log4j-sync process CPU per event (with GC)", processCpu, ">= 3.00x", processCpu >= 3, "%.2fx");
        double receiver = pairedRatio(Log4jHarness.RX_SYNC, Log4jHarness.RX_RAW);
        check("rx-log4j-sync/rx-raw events/s (plain receiver)", receiver, "information", true, "%.2fx");
        double beyondFloor = median(Log4jHarness.SYNC, Sample::allocatedBytesPerEvent)
                - median(Log4jHarness.FLOOR, Sample::allocatedBytesPerEvent);
        check(
                "log4j-sync allocation beyond Log4j's floor",
                beyondFloor,
                "<= 64 B/event",
                beyondFloor <= 64,
                "%.1f B/event");
        boolean allAsync = lost(Log4jHarness.ASYNC) == 0;
        check("log4j-async events lost", lost(Log4jHarness.ASYNC), "0", allAsync, "%.0f");
    }

    /** Journald variants compare with distinct raw datagrams, receiver ones with the raw loop into the receiver. */
    private static String baselineOf(String variant) {
        if (variant.equals(Log4jHarness.FLOOR)) {
            return "";
        }
        return variant.startsWith("rx-") ? Log4jHarness.RX_RAW : Log4jHarness.RAW_DISTINCT;
    }

    private void check(String what, double value, String target, boolean met, String format) {
        String shown = Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, format, value);
        String verdict = Double.isNaN(value) || target.equals("information") ? "" : met ? "met" : "MISSED";
        out.printf(Locale.ROOT, "%-50s %14s  (target %s) %s%n", what, shown, target, verdict);
    }

    private double lost(String variant) {
        long sent = 0;
        long arrived = 0;
        boolean any = false;
        for (Delivery delivery : deliveries) {
            if (delivery.variant().equals(variant)) {
                sent += delivery.sent();
                arrived += delivery.arrived();
                any = true;
            }
        }
        return any ? sent - arrived : Double.NaN;
    }

    private String arrivals(String variant) {
        long sent = deliveries.stream()
                .filter(d -> d.variant().equals(variant))
                .mapToLong(Delivery::sent)
                .sum();
        long arrived = deliveries.stream()
                .filter(d -> d.variant().equals(variant))
                .mapToLong(Delivery::arrived)
                .sum();
        if (sent == 0) {
            return "-";
        }
        return arrived + "/" + sent + (arrived == sent ? " (all)" : " (LOST " + (sent - arrived) + ")");
    }

    /** The median over rounds of {@code variant}'s events/s divided by {@code baseline}'s in the same round. */
    private double pairedRatio(String variant, String baseline) {
        List<Double> ratios = new ArrayList<>();
        for (Sample sample : samples) {
            for (Sample base : samples) {
                if (sample.variant().equals(variant)
                        && base.variant().equals(baseline)
                        && base.round() == sample.round()) {
                    ratios.add(sample.eventsPerSecond() / base.eventsPerSecond());
                }
            }
        }
        return medianOf(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double median(String variant, ToDoubleFunction<Sample> metric) {
        return median(samples.stream().filter(s -> s.variant().equals(variant)).toList(), metric);
    }

    private static double median(List<Sample> group, ToDoubleFunction<Sample> metric) {
        return medianOf(group.stream().mapToDouble(metric).toArray());
    }

    private static double medianOf(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
