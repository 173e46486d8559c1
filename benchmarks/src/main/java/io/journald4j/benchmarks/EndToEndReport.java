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
 * Prints medians over rounds and the ratios the targets are stated in. Throughput ratios pair
 * each round with the baseline's same round: absolute numbers on a shared 2-core machine say little.
 */
final class EndToEndReport {

    private final List<Sample> samples;
    private final List<Delivery> deliveries;
    private final PrintStream out;

    EndToEndReport(List<Sample> samples, List<Delivery> deliveries, PrintStream out) {
        this.samples = samples;
        this.deliveries = deliveries;
        this.out = out;
    }

    void print() {
        out.println();
        out.printf(
                Locale.ROOT,
                "%-9s %-14s %12s %8s %11s %11s %11s %9s %9s  %s%n",
                "target",
                "variant",
                "events/s",
                "vs raw",
                "thread us",
                "process us",
                "journald us",
                "B/event",
                "dropped",
                "arrived/sent");
        Map<String, List<Sample>> byVariant = new LinkedHashMap<>();
        for (Sample sample : samples) {
            byVariant
                    .computeIfAbsent(sample.target() + "/" + sample.variant(), key -> new ArrayList<>())
                    .add(sample);
        }
        for (List<Sample> group : byVariant.values()) {
            Sample first = group.get(0);
            double rate = median(group, Sample::eventsPerSecond);
            double versusRaw = pairedRatio(first.target(), first.variant(), EndToEndHarness.RAW);
            out.printf(
                    Locale.ROOT,
                    "%-9s %-14s %,12.0f %8s %11.2f %11.2f %11.2f %9.1f %9s  %s%n",
                    first.target(),
                    first.variant(),
                    rate,
                    Double.isNaN(versusRaw) ? "-" : String.format(Locale.ROOT, "%.2fx", versusRaw),
                    median(group, Sample::threadCpuMicrosPerEvent),
                    median(group, Sample::processCpuMicrosPerEvent),
                    median(group, Sample::journaldCpuMicrosPerEvent),
                    median(group, Sample::allocatedBytesPerEvent),
                    droppedText(group),
                    arrivals(first.target(), first.variant()));
        }
        out.println();
        printTargets();
    }

    private void printTargets() {
        String j = EndToEndHarness.JOURNALD;
        String r = EndToEndHarness.RECEIVER;
        double intoJournald = pairedRatio(j, EndToEndHarness.JOURNALD4J, EndToEndHarness.RAW);
        check("journald4j/raw events/s into journald", intoJournald, ">= 0.90x", intoJournald >= 0.9, "%.2fx");
        double cpu = median(j, EndToEndHarness.JOURNALD4J, Sample::threadCpuMicrosPerEvent);
        double versusDistinct = pairedRatio(j, EndToEndHarness.JOURNALD4J, EndToEndHarness.RAW_DISTINCT);
        check(
                "journald4j/raw-distinct events/s into journald",
                versusDistinct,
                ">= 0.90x",
                versusDistinct >= 0.9,
                "%.2fx");
        check("journald4j sending-thread CPU into journald", cpu, "<= 15 us/event", cpu <= 15, "%.2f us/event");
        double beyondFloor = median(r, EndToEndHarness.JOURNALD4J, Sample::allocatedBytesPerEvent)
                - median(EndToEndHarness.NO_OUTPUT, EndToEndHarness.LOGBACK_FLOOR, Sample::allocatedBytesPerEvent);
        check(
                "journald4j allocation beyond Logback's own event",
                beyondFloor,
                "<= 64 B/event",
                beyondFloor <= 64,
                "%.1f B/event");
        double receiverRate = median(r, EndToEndHarness.JOURNALD4J, Sample::eventsPerSecond);
        check(
                "journald4j into a plain receiver",
                receiverRate,
                ">= 200,000 events/s",
                receiverRate >= 200_000,
                "%,.0f events/s");
        double versusPeer = pairedRatio(j, EndToEndHarness.JOURNALD4J, EndToEndHarness.PEER);
        check("journald4j/peer events/s into journald", versusPeer, ">= 1.80x", versusPeer >= 1.8, "%.2fx");
        double cpuVersusPeer = median(j, EndToEndHarness.PEER, Sample::threadCpuMicrosPerEvent)
                / median(j, EndToEndHarness.JOURNALD4J, Sample::threadCpuMicrosPerEvent);
        check("peer/journald4j sending-thread CPU per event", cpuVersusPeer, ">= 3.00x", cpuVersusPeer >= 3, "%.2fx");
        double processCpuVersusPeer = median(j, EndToEndHarness.PEER, Sample::processCpuMicrosPerEvent)
                / median(j, EndToEndHarness.JOURNALD4J, Sample::processCpuMicrosPerEvent);
        check(
                "peer/journald4j process CPU per event (with GC)",
                processCpuVersusPeer,
                ">= 3.00x",
                processCpuVersusPeer >= 3,
                "%.2fx");
    }

    private void check(String what, double value, String target, boolean met, String format) {
        String shown = Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, format, value);
        String verdict = Double.isNaN(value) ? "" : met ? "met" : "MISSED";
        out.printf(Locale.ROOT, "%-50s %20s  (target %s) %s%n", what, shown, target, verdict);
    }

    private static String droppedText(List<Sample> group) {
        if (group.stream().anyMatch(sample -> sample.droppedBySender() < 0)) {
            return "n/a";
        }
        return Long.toString(group.stream().mapToLong(Sample::droppedBySender).sum());
    }

    private String arrivals(String target, String variant) {
        long sent = 0;
        long arrived = 0;
        boolean any = false;
        for (Delivery delivery : deliveries) {
            if (delivery.target().equals(target) && delivery.variant().equals(variant)) {
                sent += delivery.sent();
                arrived += delivery.arrived();
                any = true;
            }
        }
        return any ? arrived + "/" + sent + (arrived == sent ? " (all)" : " (LOST " + (sent - arrived) + ")") : "-";
    }

    /**
     * The median over rounds of {@code variant}'s events/s divided by {@code baseline}'s in the same
     * round: load from other work drifts between rounds, much less within one.
     */
    private double pairedRatio(String target, String variant, String baseline) {
        List<Double> ratios = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.target().equals(target) && sample.variant().equals(variant)) {
                for (Sample base : samples) {
                    if (base.target().equals(target)
                            && base.variant().equals(baseline)
                            && base.round() == sample.round()) {
                        ratios.add(sample.eventsPerSecond() / base.eventsPerSecond());
                    }
                }
            }
        }
        if (ratios.isEmpty()) {
            return Double.NaN;
        }
        ratios.sort(null);
        int middle = ratios.size() / 2;
        return ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
    }

    private double median(String target, String variant, ToDoubleFunction<Sample> metric) {
        return median(
                samples.stream()
                        .filter(s -> s.target().equals(target) && s.variant().equals(variant))
                        .toList(),
                metric);
    }

    private static double median(List<Sample> group, ToDoubleFunction<Sample> metric) {
        if (group.isEmpty()) {
            return Double.NaN;
        }
        double[] values = group.stream().mapToDouble(metric).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
