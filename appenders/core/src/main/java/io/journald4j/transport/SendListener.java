package io.journald4j.transport;

/**
 * Hears about a sender's trouble, so that the adapter can report it on its framework's status channel.
 *
 * <p>Called on the logging thread: implementations must be cheap, must not throw, and must not log
 * through the logging framework being served (that would loop back into the sender).
 */
public interface SendListener {

    /** One entry was dropped; {@code cause} may be null. */
    void onDropped(DropReason reason, Throwable cause);

    /** The journal socket is connected again after a failure. */
    default void onReconnected() {}

    /** Trouble that lost no entry, such as a socket that failed to close; worth reporting, not worth failing. */
    default void onError(String what, Throwable cause) {}

    SendListener NONE = new SendListener() {
        @Override
        public void onDropped(DropReason reason, Throwable cause) {}
    };
}
