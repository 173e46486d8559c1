package io.journald4j.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

/**
 * Sets up the agent's two hidden class-path parts and hands over to the installer inside them.
 *
 * <p>The bridge classes are handed over as bytes, to be defined in the bootstrap class loader, where woven
 * code in every class loader can reach them. Everything else (ASM, journald4j-core, the appenders, junixsocket) is loaded by a class loader
 * of its own whose parent is the platform loader: the application never sees those classes, and an
 * application that bundles its own junixsocket or ASM keeps using its own copy.
 */
final class AgentLauncher {

    private static final String INSTALLER = "io.journald4j.agent.internal.Installer";

    private AgentLauncher() {}

    static void launch(Instrumentation instrumentation, AgentOptions options)
            throws IOException, ReflectiveOperationException {
        NestedJars jars = NestedJars.ofAgentJar();
        Map<String, byte[]> bridge = jars.readClasses("bootstrap.jar");
        URL internal = jars.extract("internal.jar").toUri().toURL();
        ClassLoader loader =
                new URLClassLoader("journald4j-agent", new URL[] {internal}, ClassLoader.getPlatformClassLoader());
        Class<?> installer = Class.forName(INSTALLER, true, loader);
        try {
            installer
                    .getMethod("install", Instrumentation.class, Map.class, Map.class)
                    .invoke(null, instrumentation, options.toMap(), bridge);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof LinkageError) {
                throw (LinkageError) cause;
            }
            throw e;
        }
    }
}
