package io.journald4j.agent.internal;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own messages: one stderr line per kind of trouble, however often it recurs.
 *
 * <p>Never a logger: the agent's messages would be captured and sent again. The stream is the
 * {@code System.err} of agent start, so an application that later redirects stderr into its logging
 * cannot make a loop either.
 */
public final class Diagnostics {

    private static final PrintStream ERR = System.err;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Diagnostics() {}

    /** Prints {@code message} unless a message of this {@code kind} was printed before. */
    public static void reportOnce(String kind, String message) {
        if (REPORTED.add(kind)) {
            ERR.println("journald4j-agent: " + message);
        }
    }
}
