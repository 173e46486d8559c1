package io.journald4j.collector.output;

import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.delivery.Destination;
import io.journald4j.collector.delivery.Outcomes;
import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * A spooled file output ({@code jsonl}, {@code export}): messages formatted into one batch and
 * written with one call; a message is confirmed when the write that holds it succeeds, and a
 * failed write (a full disk) leaves the batch's messages in the spool to be written again.
 */
public final class LineDestination implements Destination, DecodeListener {

    private final LineSink sink;
    private final EntryWriter writer;
    private final int maxEntries;
    private final DaemonLog log;
    private final JournalDecoder decoder = new JournalDecoder();
    private final ByteLine batch = new ByteLine();
    private long[] sequences = new long[64];
    private int[] entryCounts = new int[64];
    private int[] byteCounts = new int[64];
    private int messages;
    private int batchEntries;
    private long currentMicros;

    public LineDestination(LineSink sink, EntryWriter writer, int maxEntries, DaemonLog log) {
        this.sink = sink;
        this.writer = writer;
        this.maxEntries = maxEntries;
        this.log = log;
    }

    @Override
    public void send(long sequence, ByteBuffer message, long receivedMicros, Outcomes outcomes) {
        if (messages == sequences.length) {
            sequences = Arrays.copyOf(sequences, messages * 2);
            entryCounts = Arrays.copyOf(entryCounts, messages * 2);
            byteCounts = Arrays.copyOf(byteCounts, messages * 2);
        }
        int bytesBefore = batch.size();
        int entriesBefore = batchEntries;
        currentMicros = receivedMicros;
        decoder.decode(message, this);
        sequences[messages] = sequence;
        entryCounts[messages] = batchEntries - entriesBefore;
        byteCounts[messages] = batch.size() - bytesBefore;
        messages++;
        if (batchEntries >= maxEntries) {
            flush(outcomes);
        }
    }

    @Override
    public void onEntry(DecodedEntry entry) {
        writer.write(entry, currentMicros);
        batch.put(writer.bytes(), writer.size());
        batchEntries++;
    }

    @Override
    public void flush(Outcomes outcomes) {
        if (messages == 0) {
            return;
        }
        try {
            sink.write(batch.bytes(), 0, batch.size(), batchEntries);
            for (int i = 0; i < messages; i++) {
                outcomes.delivered(sequences[i], entryCounts[i], byteCounts[i]);
            }
        } catch (IOException e) {
            for (int i = 0; i < messages; i++) {
                outcomes.failed(sequences[i], "write_error", e, true);
            }
        } finally {
            messages = 0;
            batchEntries = 0;
            batch.clear();
        }
    }

    @Override
    public void close(Duration timeout) {
        try {
            sink.close();
        } catch (IOException e) {
            log.error("closing " + sink.describe() + " failed", e);
        }
    }

    @Override
    public String describe() {
        return sink.describe();
    }
}
