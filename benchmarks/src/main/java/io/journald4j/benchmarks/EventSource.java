package io.journald4j.benchmarks;

/** One way of getting the typical event out of the application thread: what a variant of the harness measures. */
interface EventSource extends AutoCloseable {

    /** Logs or sends the next event. */
    void emit();

    /** Events the source itself knows it lost (dropped or failed); -1 when it cannot tell. */
    long dropped();

    @Override
    void close();
}
