package io.journald4j.transport;

/** Why an entry did not reach the journal. */
public enum DropReason {
    /** The socket was absent or refused, and the policy gave up waiting (or does not wait). */
    UNAVAILABLE,
    /** journald's receive queue stayed full (non-blocking send, or the block timeout passed). */
    QUEUE_FULL,
    /** The entry was larger than the journal accepts, even through a file descriptor. */
    TOO_LARGE,
    /** The caller's thread was interrupted while waiting for the journal. */
    INTERRUPTED,
    /** An unexpected I/O error from the socket or the descriptor file. */
    IO_ERROR
}
