package io.journald4j.benchmarks;

import io.journald4j.protocol.JournalEncoder;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.SendListener;
import io.journald4j.transport.SenderConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A second baseline: entries pre-encoded before the clock starts, each with its own order number and
 * timestamp, as the appender's are. journald stores a repeated field value once, so replaying one
 * datagram ({@link RawDatagramSource}) is cheaper for journald than real traffic; this one is not.
 */
final class DistinctDatagramSource implements EventSource {

    private final DatagramJournalSender sender;
    private final ByteBuffer entries;
    private final int[] offsets;
    private int next;

    DistinctDatagramSource(Path socketPath, String syslogIdentifier, int count) {
        this.sender = DatagramJournalSender.open(SenderConfig.defaults().withSocketPath(socketPath), SendListener.NONE);
        this.offsets = new int[count + 1];
        JournalEncoder encoder = new JournalEncoder();
        long firstMicros = System.currentTimeMillis() * 1000;
        long firstOrderNumber = TypicalEvent.reserveOrderNumbers(count);
        TypicalEvent.encode(encoder, TypicalEvent.formattedMessage(firstOrderNumber), syslogIdentifier, 0);
        byte[] all = new byte[Math.multiplyExact(encoder.size() + 16, count)];
        int at = 0;
        for (int i = 0; i < count; i++) {
            TypicalEvent.encode(
                    encoder, TypicalEvent.formattedMessage(firstOrderNumber + i), syslogIdentifier, firstMicros + i);
            ByteBuffer entry = encoder.entry();
            int size = entry.remaining();
            entry.get(all, at, size);
            at += size;
            offsets[i + 1] = at;
        }
        this.entries = ByteBuffer.wrap(all);
    }

    @Override
    public void emit() {
        int index = next;
        next = index + 1 == offsets.length - 1 ? 0 : index + 1;
        entries.clear();
        entries.limit(offsets[index + 1]).position(offsets[index]);
        sender.send(entries);
    }

    @Override
    public long dropped() {
        return sender.statistics().dropped();
    }

    @Override
    public void close() {
        sender.close();
    }
}
