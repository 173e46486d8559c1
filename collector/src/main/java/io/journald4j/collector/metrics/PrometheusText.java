package io.journald4j.collector.metrics;

import io.journald4j.collector.ingest.Rejection;
import io.journald4j.protocol.Malformation;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

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
        family(out, "journald4j_malformed_total", "counter", "Malformations met while decoding, by reason.");
        for (Malformation reason : Malformation.values()) {
            sample(out, "journald4j_malformed_total", "reason", lower(reason.name()), m.malformed[reason.ordinal()]);
        }
        family(out, "journald4j_rejected_total", "counter", "Messages not passed on, by reason.");
        for (Rejection reason : Rejection.values()) {
            sample(out, "journald4j_rejected_total", "reason", lower(reason.name()), m.rejected[reason.ordinal()]);
        }
        family(out, "journald4j_dropped_total", "counter", "Messages dropped after they were accepted, by reason.");
        for (CollectorMetrics.Drop reason : CollectorMetrics.Drop.values()) {
            sample(out, "journald4j_dropped_total", "reason", lower(reason.name()), m.dropped[reason.ordinal()]);
        }
        family(out, "journald4j_output_entries_total", "counter", "Entries written, per output.");
        for (OutputMetrics o : m.outputs) {
            sample(out, "journald4j_output_entries_total", "output", o.name(), o.entries);
        }
        family(out, "journald4j_output_bytes_total", "counter", "Bytes written, per output.");
        for (OutputMetrics o : m.outputs) {
            sample(out, "journald4j_output_bytes_total", "output", o.name(), o.bytes);
        }
        family(
                out,
                "journald4j_output_batches_total",
                "counter",
                "Batches flushed, per output (entries/batches = mean batch size).");
        for (OutputMetrics o : m.outputs) {
            sample(out, "journald4j_output_batches_total", "output", o.name(), o.batches);
        }
        family(out, "journald4j_output_errors_total", "counter", "Write errors, per output.");
        for (OutputMetrics o : m.outputs) {
            sample(out, "journald4j_output_errors_total", "output", o.name(), o.errors);
        }
        family(
                out,
                "journald4j_output_dropped_total",
                "counter",
                "Entries an output accepted but dropped (buffer overflow, refused by the destination).");
        for (OutputMetrics o : m.outputs) {
            sample(out, "journald4j_output_dropped_total", "output", o.name(), o.dropped);
        }
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
