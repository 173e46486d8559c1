package io.journald4j.transport;

import java.io.IOException;

/**
 * The journal socket cannot take entries now: it does not exist, nobody listens on it (journald
 * stopped, or idled out and left its socket file), or the connection broke when journald restarted.
 *
 * <p>Senders react by reconnecting; callers branch on this type, never on the message text.
 */
public class JournalUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
