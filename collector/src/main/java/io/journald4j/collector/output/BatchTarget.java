package io.journald4j.collector.output;

import java.io.IOException;

/**
 * Where a spooled file-like output's batches go: written at once (a file) or queued for a
 * destination that confirms later (journal-remote). Either way the {@link BatchOutcome} says when.
 */
public interface BatchTarget {

    /** Takes {@code length} bytes of {@code bytes} (reused by the caller once this returns) holding {@code entries} entries. */
    void deliver(byte[] bytes, int length, int entries, BatchOutcome outcome);

    /** Lets go of the target; batches still waiting for their outcome stay in the spool. */
    void close() throws IOException;

    String describe();

    /** A target that writes to {@code sink} and reports the outcome at once. */
    static BatchTarget writingTo(LineSink sink) {
        return new BatchTarget() {
            @Override
            public void deliver(byte[] bytes, int length, int entries, BatchOutcome outcome) {
                try {
                    sink.write(bytes, 0, length, entries);
                } catch (IOException e) {
                    outcome.failed("write_error", e, true);
                    return;
                }
                outcome.delivered();
            }

            @Override
            public void close() throws IOException {
                sink.close();
            }

            @Override
            public String describe() {
                return sink.describe();
            }
        };
    }
}
