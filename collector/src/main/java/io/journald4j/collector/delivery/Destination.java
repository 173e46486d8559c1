package io.journald4j.collector.delivery;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Where a spooled output forwards messages: it may confirm them at once (a file write) or later, on
 * another thread (a broker's acknowledgement), but it confirms or fails each one exactly once,
 * through the {@link Outcomes} it was given.
 */
public interface Destination {

    /**
     * Starts delivering one received message (one or more native-protocol entries).
     *
     * @param message the bytes, position to limit, valid only during the call: read with absolute gets, copy what is kept
     */
    void send(long sequence, ByteBuffer message, long receivedMicros, Outcomes outcomes) throws InterruptedException;

    /** Pushes out what is batched; called whenever the spool has nothing more to read for now. */
    void flush(Outcomes outcomes) throws InterruptedException;

    /**
     * Waits up to {@code timeout} for the outcomes of everything sent, then lets go of connections
     * and threads; messages still without an outcome stay in the spool and are sent again next time.
     */
    void close(Duration timeout);

    /** A name for messages and metrics, such as {@code kafka:host:9092/logs}. */
    String describe();
}
