package io.journald4j.transport;

import io.journald4j.protocol.JournalEncoder;
import java.io.Closeable;
import java.nio.ByteBuffer;

/**
 * Delivers encoded journal entries. Implementations are safe for concurrent callers and never throw
 * into them: an entry that cannot be delivered under the chosen policy is dropped, counted in
 * {@link #statistics()} and reported to the {@link SendListener}.
 */
public interface JournalSender extends Closeable {

    /**
     * Sends the entry between {@code entry}'s position and limit as one message.
     *
     * @return true if the journal (or the kernel's queue in front of it) took the entry
     */
    boolean send(ByteBuffer entry);

    /**
     * Sends the encoder's current entry, or drops it as {@link DropReason#TOO_LARGE} when it outgrew
     * the encoder's maximum entry size.
     */
    boolean send(JournalEncoder encoder);

    SenderStatistics statistics();

    /** Releases the socket; later sends drop with {@link DropReason#UNAVAILABLE}. Never throws. */
    @Override
    void close();
}
