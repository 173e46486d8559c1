package io.journald4j.testing;

import java.util.List;

/**
 * One adapter configured through its framework, as the contract suite drives it.
 *
 * <p>Implementations must hand each event to the adapter synchronously on the calling thread, and
 * collect what the adapter reports on the framework's status channel.
 */
public interface ContractLogger extends AutoCloseable {

    /** Logs the event through the framework, from a logger named {@code loggerName}. */
    void log(String loggerName, ContractEvent event);

    /** Whether the adapter accepted its configuration and started. */
    boolean isStarted();

    /** Entries the adapter dropped (and counted) since it started. */
    long droppedCount();

    /** Error and warning messages the adapter reported on the framework's status channel. */
    List<String> statusMessages();

    /** Stops the adapter and the framework configuration made for the test. */
    @Override
    void close();
}
