package io.journald4j.collector.ring;

/**
 * An output that may wait inside {@code onEvent} for room of its own (a full spool with policy
 * block). When the ring cannot drain in time at shutdown it is told to stop waiting, so that its
 * thread can finish.
 */
public interface WaitsForRoom {

    /** Stop waiting; what would have waited is dropped and counted. */
    void stopWaiting();
}
