package io.journald4j.collector.delivery;

/** Where a {@link Destination} reports what became of each message it was given: exactly once per send. */
public interface Outcomes {

    /** Message {@code sequence} ({@code entries} entries, {@code bytes} bytes as sent) reached the destination. */
    void delivered(long sequence, int entries, long bytes);

    /**
     * Message {@code sequence} did not reach the destination.
     *
     * @param retriable whether sending it again may succeed (a broker down, a timeout); if not (a
     *     record larger than the broker accepts, say) it is counted as dropped and not sent again
     * @param reason a short snake_case name for metrics, e.g. {@code timeout}
     */
    void failed(long sequence, String reason, Exception cause, boolean retriable);
}
