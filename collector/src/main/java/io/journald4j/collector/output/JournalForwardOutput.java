package io.journald4j.collector.output;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.ring.EntrySlot;
import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.status.StatusSink;
import io.journald4j.status.TroubleReporter;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.SenderConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The {@code journal} output: forwards every entry into a journald socket (the host's journald, or
 * another collector), one native-protocol datagram per entry, large ones as a file descriptor, through
 * the same {@link DatagramJournalSender} the appenders use.
 *
 * <p>journald stamps the collector's own {@code _PID}, {@code _UID} and arrival time on what it
 * stores, so what the collector knows about the entry travels as plain fields:
 * {@code J4J_RECEIVED_USEC} (when the collector received it), {@code J4J_HOSTNAME} and
 * {@code J4J_MACHINE_ID} (the collector's host, which differs from journald's in a container).
 * The entries of a ring batch share datagrams ({@link #PACK_BYTES}). The sender uses the
 * {@code block} policy: while journald is slow or restarts, this output's thread waits (up to the
 * block timeout per datagram), and the ring absorbs the backlog.
 */
public final class JournalForwardOutput implements EventHandler<EntrySlot>, DecodeListener {

    static final String RECEIVED_USEC = "J4J_RECEIVED_USEC";
    static final String HOSTNAME = "J4J_HOSTNAME";
    static final String MACHINE_ID = "J4J_MACHINE_ID";

    private final DatagramJournalSender sender;
    private final TroubleReporter reporter;
    private final HostFields host;
    private final OutputMetrics metrics;
    /**
     * Entries of one Disruptor batch travel together in one datagram, separated by an empty line,
     * up to this size: journald parses several entries per datagram, and one wake-up per datagram
     * instead of per entry is what lets forwarding keep up with a raw sender.
     */
    static final int PACK_BYTES = 128 * 1024;

    private final JournalDecoder decoder = new JournalDecoder();
    private final JournalEncoder encoder = new JournalEncoder();
    private final ByteBuffer pack = ByteBuffer.allocate(PACK_BYTES);
    private int packedEntries;
    private long currentReceivedMicros;

    public JournalForwardOutput(Path socket, HostFields host, OutputMetrics metrics, DaemonLog log) {
        this.host = host;
        this.metrics = metrics;
        this.reporter = new TroubleReporter(new DaemonLogSink(log, "journal:" + socket));
        this.sender = DatagramJournalSender.open(SenderConfig.defaults().withSocketPath(socket), reporter);
    }

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) {
        currentReceivedMicros = slot.receivedMicros();
        decoder.decode(slot.view(), this);
        if (endOfBatch) {
            sendPack();
        }
    }

    @Override
    public void onEntry(DecodedEntry entry) {
        encoder.reset();
        ByteBuffer buf = entry.buffer();
        for (int i = 0; i < entry.fieldCount(); i++) {
            encoder.rawField(buf, entry.nameOffset(i), entry.nameLength(i), entry.valueOffset(i), entry.valueLength(i));
        }
        encoder.field(RECEIVED_USEC, currentReceivedMicros);
        if (host.hostname() != null) {
            encoder.field(HOSTNAME, host.hostname());
        }
        if (host.machineId() != null) {
            encoder.field(MACHINE_ID, host.machineId());
        }
        if (encoder.isTooLarge() || encoder.size() + 1 > PACK_BYTES) {
            sendPack();
            record(sender.send(encoder), 1, encoder.size());
            return;
        }
        if (pack.position() + encoder.size() + 1 > PACK_BYTES) {
            sendPack();
        }
        if (packedEntries > 0) {
            pack.put((byte) '\n');
        }
        pack.put(encoder.entry());
        packedEntries++;
    }

    private void sendPack() {
        if (packedEntries == 0) {
            return;
        }
        pack.flip();
        int bytes = pack.remaining();
        record(sender.send(pack), packedEntries, bytes);
        pack.clear();
        packedEntries = 0;
    }

    private void record(boolean delivered, int entries, int bytes) {
        if (delivered) {
            metrics.recordBatch(entries, bytes);
        } else {
            metrics.recordError();
            metrics.recordDropped(entries);
        }
    }

    @Override
    public void onTimeout(long sequence) {
        sendPack();
    }

    @Override
    public void onShutdown() {
        sendPack();
        sender.close();
        reporter.flush();
    }

    /** The sender's trouble as daemon log lines, named after the output. */
    private static final class DaemonLogSink implements StatusSink {
        private final DaemonLog log;
        private final String output;

        DaemonLogSink(DaemonLog log, String output) {
            this.log = log;
            this.output = output;
        }

        @Override
        public void warn(String message, Throwable cause) {
            log.error(output + ": " + message, cause);
        }

        @Override
        public void error(String message, Throwable cause) {
            log.error(output + ": " + message, cause);
        }

        @Override
        public void info(String message) {
            log.info(output + ": " + message);
        }
    }
}
