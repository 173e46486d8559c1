package io.journald4j.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} and {@code Agent-Class}: makes an unmodified application log to the journal.
 *
 * <pre>
 * java -javaagent:journald4j-agent.jar=syslogIdentifier=orders -jar app.jar
 * </pre>
 *
 * <p>An exception escaping {@code premain} aborts the JVM, so nothing may: any failure is one line on
 * stderr and the application starts without the agent. This class and the options it parses use only
 * the JDK, because they are loaded by the system class loader next to the application's classes; the
 * real work happens in an isolated class loader ({@link AgentLauncher}). Opening the journal's socket and
 * building the adapters waits for the first event.
 */
public final class JournaldAgent {

    /** Set once per JVM: a second {@code -javaagent} of this jar (or a dynamic attach) is ignored. */
    static final String ATTACHED_PROPERTY = "io.journald4j.agent.attached";

    private JournaldAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    private static void start(String arguments, Instrumentation instrumentation) {
        try {
            AgentOptions options = AgentOptions.resolve(arguments, System.getProperties(), System.getenv());
            if (!options.enabled()) {
                return;
            }
            if (System.getProperties().putIfAbsent(ATTACHED_PROPERTY, "true") != null) {
                warn("already attached to this JVM; the second copy does nothing");
                return;
            }
            AgentLauncher.launch(instrumentation, options);
        } catch (IllegalArgumentException e) {
            warn(e.getMessage() + "; the agent is disabled and the application runs without it");
        } catch (Exception | LinkageError e) {
            warn("could not start (" + e + "); the application runs without it");
        }
    }

    static void warn(String message) {
        System.err.println("journald4j-agent: " + message);
    }
}
