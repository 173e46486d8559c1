package io.journald4j.collector.metrics;

import io.journald4j.collector.ingest.Rejection;
import io.journald4j.protocol.Malformation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

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
        perOutput(out, m.outputs, "journald4j_output_entries_total", "Entries written, per output.", o -> o.entries);
        perOutput(out, m.outputs, "journald4j_output_bytes_total", "Bytes written, per output.", o -> o.bytes);
        perOutput(
                out,
                m.outputs,
                "journald4j_output_batches_total",
                "Batches flushed, per output (entries/batches = mean batch size).",
                o -> o.batches);
        perOutput(out, m.outputs, "journald4j_output_errors_total", "Write errors, per output.", o -> o.errors);
        perOutput(
                out,
                m.outputs,
                "journald4j_output_dropped_total",
                "Entries an output accepted but dropped (buffer overflow, refused by the destination).",
                o -> o.dropped);
        perOutputByReason(
                out,
                m.outputs,
                "journald4j_output_send_errors_total",
                "Failed sends to the destination, per output and reason (retried unless not retriable).",
                o -> o.sendErrors);
        perOutput(
                out,
                m.outputs,
                "journald4j_output_duplicates_suspected_total",
                "Messages sent again that may have arrived before: replayed after a crash, or resent after a failure.",
                o -> o.suspectedDuplicates);
        perOutputGauge(
                out,
                m.outputs,
                "journald4j_output_up",
                "1 while the output delivers, 0 while it is down.",
                o -> o.isDown() ? 0 : 1);
        List<OutputMetrics> spooled =
                m.outputs.stream().filter(OutputMetrics::hasSpool).toList();
        perOutputGauge(out, spooled, "journald4j_spool_bytes", "Bytes of spool segment files.", o -> o.spoolBytes());
        perOutputGauge(
                out,
                spooled,
                "journald4j_spool_entries",
                "Messages spooled and not yet confirmed by the destination.",
                o -> o.spoolEntries());
        perOutputGauge(
                out,
                spooled,
                "journald4j_spool_oldest_unconfirmed_age_seconds",
                "Age of the oldest message the destination has not confirmed.",
                OutputMetrics::oldestUnconfirmedAgeSeconds);
        perOutput(
                out,
                spooled,
                "journald4j_spool_replayed_total",
                "Messages found unconfirmed in the spool at start and forwarded again.",
                o -> o.replayed);
        perOutputGauge(
                out,
                spooled,
                "journald4j_spool_replay_rate",
                "Messages per second of the last completed replay.",
                o -> o.replayRate);
        perOutputByReason(
                out,
                spooled,
                "journald4j_spool_dropped_total",
                "Messages the spool dropped, per output and reason (spool_full, oldest_deleted, not_retriable, write_error).",
                o -> o.spoolDropped);
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
            StringBuilder out,
            List<OutputMetrics> outputs,
            String name,
            String help,
            Function<OutputMetrics, LongAdder> count) {
        family(out, name, "counter", help);
        for (OutputMetrics o : outputs) {
            sample(out, name, "output", o.name(), count.apply(o));
        }
    }

    private static void perOutputGauge(
            StringBuilder out,
            List<OutputMetrics> outputs,
            String name,
            String help,
            ToDoubleFunction<OutputMetrics> value) {
        family(out, name, "gauge", help);
        for (OutputMetrics o : outputs) {
            labels(out, name, "output", o.name());
            out.append("\"} ").append(number(value.applyAsDouble(o))).append('\n');
        }
    }

    /** A counter family labelled by output and by a reason that is only known once it happens. */
    private static void perOutputByReason(
            StringBuilder out,
            List<OutputMetrics> outputs,
            String name,
            String help,
            Function<OutputMetrics, Map<String, LongAdder>> counts) {
        family(out, name, "counter", help);
        for (OutputMetrics o : outputs) {
            for (Map.Entry<String, LongAdder> reason : new TreeMap<>(counts.apply(o)).entrySet()) {
                labels(out, name, "output", o.name());
                out.append("\",reason=\"");
                escaped(out, reason.getKey());
                out.append("\"} ").append(reason.getValue().sum()).append('\n');
            }
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
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
        labels(out, name, label, value);
        out.append("\"} ").append(count.sum()).append('\n');
    }

    /** {@code name{label="value} ... the caller closes the quote and the brace. */
    private static void labels(StringBuilder out, String name, String label, String value) {
        out.append(name).append('{').append(label).append("=\"");
        escaped(out, value);
    }

    private static void escaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c == '\n' ? 'n' : c);
        }
    }
}
