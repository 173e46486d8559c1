package io.journald4j.protocol;

/**
 * Receives what {@link JournalDecoder} finds in a datagram.
 *
 * <p>Implementations must copy what they keep out of the {@link DecodedEntry} before returning: the
 * entry is a view over the decoder's scratch state and the caller's buffer, reused for the next entry.
 */
public interface DecodeListener {

    /** An entry journald would store, with its valid fields in datagram order. */
    void onEntry(DecodedEntry entry);

    /** Something journald would skip or stop at; called in the order met. */
    default void onMalformed(Malformation malformation) {}
}
