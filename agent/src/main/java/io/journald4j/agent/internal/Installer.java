package io.journald4j.agent.internal;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.Map;

/**
 * The entry point of the agent's isolated side, called once from {@code premain} through reflection.
 *
 * <p>Two steps in two classes: the JVM verifies a class before running it, and verifying code that uses
 * the bridge loads the bridge; so nothing in this class refers to it, and {@link Weaver} is loaded only
 * after the bridge is defined.
 */
public final class Installer {

    private Installer() {}

    /**
     * Defines the bridge classes ({@code bridge}: binary name to class file) in the bootstrap loader, then
     * weaves. Nothing here may touch the bridge before it is defined: this loader has no copy of it.
     */
    public static void install(Instrumentation instrumentation, Map<String, String> options, Map<String, byte[]> bridge)
            throws IOException {
        BridgeInjector.inject(instrumentation, bridge);
        Weaver.weave(instrumentation, options);
    }
}
