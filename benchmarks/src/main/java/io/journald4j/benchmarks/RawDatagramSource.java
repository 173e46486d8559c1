package io.journald4j.benchmarks;

import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.SendListener;
import io.journald4j.transport.SenderConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The baseline: one pre-encoded datagram sent again and again through our sender, with no logging
 * framework and no encoding. No appender can beat the socket, so the others are reported against this.
 */
final class RawDatagramSource implements EventSource {

    private final DatagramJournalSender sender;
    private final ByteBuffer entry;

    RawDatagramSource(Path socketPath, String syslogIdentifier) {
        this.sender = DatagramJournalSender.open(SenderConfig.defaults().withSocketPath(socketPath), SendListener.NONE);
        this.entry = TypicalEvent.encodedCopy(syslogIdentifier);
    }

    @Override
    public void emit() {
        entry.rewind();
        sender.send(entry);
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
