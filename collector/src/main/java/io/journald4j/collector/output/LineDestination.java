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
 * A spooled file-like output ({@code jsonl}, {@code export}, {@code journal-remote}): messages
 * formatted into one batch and handed to a {@link BatchTarget} at once; a message is confirmed when
 * the batch that holds it is (the write succeeded, journal-remote answered 200), and a failed batch
 * (a full disk, a full upload queue) leaves its messages in the spool to be sent again.
 */
public final class LineDestination implements Destination, DecodeListener {

    private final BatchTarget target;
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

    public LineDestination(BatchTarget target, EntryWriter writer, int maxEntries, DaemonLog log) {
        this.target = target;
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
        BatchOutcome outcome = new MessagesOfABatch(
                Arrays.copyOf(sequences, messages),
                Arrays.copyOf(entryCounts, messages),
                Arrays.copyOf(byteCounts, messages),
                outcomes);
        try {
            target.deliver(batch.bytes(), batch.size(), batchEntries, outcome);
        } finally {
            messages = 0;
            batchEntries = 0;
            batch.clear();
        }
    }

    /** Turns one batch's outcome into each of its messages' outcomes. */
    private static final class MessagesOfABatch implements BatchOutcome {
        private final long[] sequences;
        private final int[] entryCounts;
        private final int[] byteCounts;
        private final Outcomes outcomes;

        MessagesOfABatch(long[] sequences, int[] entryCounts, int[] byteCounts, Outcomes outcomes) {
            this.sequences = sequences;
            this.entryCounts = entryCounts;
            this.byteCounts = byteCounts;
            this.outcomes = outcomes;
        }

        @Override
        public void delivered() {
            for (int i = 0; i < sequences.length; i++) {
                outcomes.delivered(sequences[i], entryCounts[i], byteCounts[i]);
            }
        }

        @Override
        public void failed(String reason, Exception cause, boolean retriable) {
            for (long sequence : sequences) {
                outcomes.failed(sequence, reason, cause, retriable);
            }
        }
    }

    @Override
    public void close(Duration timeout) {
        try {
            target.close();
        } catch (IOException e) {
            log.error("closing " + target.describe() + " failed", e);
        }
    }

    @Override
    public String describe() {
        return target.describe();
    }
}
