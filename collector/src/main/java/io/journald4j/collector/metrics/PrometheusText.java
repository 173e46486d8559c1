package io.journald4j.collector.metrics;

import io.journald4j.collector.ingest.Rejection;
import io.journald4j.protocol.Malformation;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Renders {@link CollectorMetrics} in the Prometheus text exposition format (version 0.0.4).
 *
 * <p>Hand-written: fifteen metric families do not justify a metrics library in a daemon whose
 * dependencies we keep few, and the names stay exactly as documented in README.
 */
public final class PrometheusText {

    private PrometheusText() {}

    public static String render(CollectorMetrics m) {
        StringBuilder out = new StringBuilder(4096);
        counter(out, "journald4j_received_datagrams_total", "Datagrams received on the socket.", m.datagrams.sum());
        counter(out, "journald4j_received_bytes_total", "Payload bytes received on the socket.", m.bytes.sum());
        counter(
                out,
                "journald4j_received_descriptors_total",
                "Entries passed as file descriptors.",
                m.descriptors.sum());
        counter(out, "journald4j_decoded_entries_total", "Entries decoded and passed to the ring.", m.entries.sum());
        byReason(
                out,
                "journald4j_malformed_total",
                "Malformations met while decoding, by reason.",
                Malformation.values(),
                m.malformed);
        byReason(
                out, "journald4j_rejected_total", "Messages not passed on, by reason.", Rejection.values(), m.rejected);
        byReason(
                out,
                "journald4j_dropped_total",
                "Messages dropped after they were accepted, by reason.",
                CollectorMetrics.Drop.values(),
                m.dropped);
        perOutput(out, m, "journald4j_output_entries_total", "Entries written, per output.", o -> o.entries);
        perOutput(out, m, "journald4j_output_bytes_total", "Bytes written, per output.", o -> o.bytes);
        perOutput(
                out,
                m,
                "journald4j_output_batches_total",
                "Batches flushed, per output (entries/batches = mean batch size).",
                o -> o.batches);
        perOutput(out, m, "journald4j_output_errors_total", "Write errors, per output.", o -> o.errors);
        perOutput(
                out,
                m,
                "journald4j_output_dropped_total",
                "Entries an output accepted but dropped (buffer overflow, refused by the destination).",
                o -> o.dropped);
        family(out, "journald4j_reloads_total", "counter", "Configuration reloads (SIGHUP), by result.");
        sample(out, "journald4j_reloads_total", "result", "applied", m.reloads);
        sample(out, "journald4j_reloads_total", "result", "rejected", m.failedReloads);
        gauge(
                out,
                "journald4j_ring_slots_in_use",
                "Ring slots published and not yet released by every output.",
                m.ringInUse.getAsLong());
        gauge(out, "journald4j_ring_slots", "Ring capacity in slots.", m.ringCapacity.getAsLong());
        return out.toString();
    }

    /** A counter family with one sample per value of an enum, counted in {@code counts} by ordinal. */
    private static void byReason(StringBuilder out, String name, String help, Enum<?>[] reasons, LongAdder[] counts) {
        family(out, name, "counter", help);
        for (Enum<?> reason : reasons) {
            sample(out, name, "reason", lower(reason.name()), counts[reason.ordinal()]);
        }
    }

    /** A counter family with one sample per output. */
    private static void perOutput(
            StringBuilder out, CollectorMetrics m, String name, String help, Function<OutputMetrics, LongAdder> count) {
        family(out, name, "counter", help);
        for (OutputMetrics o : m.outputs) {
            sample(out, name, "output", o.name(), count.apply(o));
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        family(out, name, "counter", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        family(out, name, "gauge", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String value, LongAdder count) {
        out.append(name).append('{').append(label).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c == '\n' ? 'n' : c);
        }
        out.append("\"} ").append(count.sum()).append('\n');
    }
}
