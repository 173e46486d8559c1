package io.journald4j.agent.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads a framework adapter next to one copy of the framework: a child of the loader that defined the
 * framework's classes, so the adapter and the appender it drives bind to exactly that Logback or Log4j.
 *
 * <p>Three kinds of names: the adapter and appender packages are defined here, from the agent's jar
 * (child-first, so an application that ships journald4j's appenders itself keeps its own copy apart);
 * the rest of journald4j and junixsocket come from the agent's loader, so every adapter shares one
 * native library and one bridge; everything else (the framework, SLF4J, the JDK) from the parent.
 */
final class AdapterClassLoader extends ClassLoader {

    private static final String[] DEFINED_HERE = {
        "io.journald4j.agent.adapter.", "io.journald4j.logback.", "io.journald4j.log4j."
    };

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader agentLoader;

    AdapterClassLoader(ClassLoader frameworkLoader, ClassLoader agentLoader) {
        super("journald4j-adapter", frameworkLoader);
        this.agentLoader = agentLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isDefinedHere(name)) {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = define(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
        if (name.startsWith("io.journald4j.") || name.startsWith("org.newsclub.")) {
            return agentLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    private static boolean isDefinedHere(String name) {
        for (String prefix : DEFINED_HERE) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = agentLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
