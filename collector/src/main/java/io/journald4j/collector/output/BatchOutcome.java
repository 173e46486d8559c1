package io.journald4j.collector.output;

/** What became of one batch handed to a {@link BatchTarget}: reported exactly once, now or later. */
public interface BatchOutcome {

    void delivered();

    /** @param retriable whether the same batch may succeed later (a full disk, journal-remote down) */
    void failed(String reason, Exception cause, boolean retriable);
}
