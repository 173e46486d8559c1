package io.journald4j.agent.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Defines the bridge classes in the bootstrap class loader.
 *
 * <p>Directly, with the JDK's internal {@code Unsafe.defineClass} (opened to this loader through the
 * instrumentation), where the JVM allows it: appending a jar to the bootstrap class path instead turns off
 * class-data sharing for every other loader, which costs the application start-up time and makes HotSpot
 * print a warning on its stderr. Appending is only the fallback.
 */
final class BridgeInjector {

    private static final String UNSAFE = "jdk.internal.misc.Unsafe";

    private BridgeInjector() {}

    static void inject(Instrumentation instrumentation, Map<String, byte[]> classes) throws IOException {
        try {
            defineDirectly(instrumentation, classes);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            appendToBootstrapPath(instrumentation, classes);
        }
    }

    private static void defineDirectly(Instrumentation instrumentation, Map<String, byte[]> classes)
            throws ReflectiveOperationException {
        Module javaBase = Object.class.getModule();
        instrumentation.redefineModule(
                javaBase,
                Collections.emptySet(),
                Collections.singletonMap("jdk.internal.misc", Collections.singleton(BridgeInjector.class.getModule())),
                Collections.emptyMap(),
                Collections.emptySet(),
                Collections.emptyMap());
        Class<?> unsafeClass = Class.forName(UNSAFE);
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod(
                "defineClass",
                String.class,
                byte[].class,
                int.class,
                int.class,
                ClassLoader.class,
                ProtectionDomain.class);
        for (Map.Entry<String, byte[]> type : classes.entrySet()) {
            byte[] bytes = type.getValue();
            define.invoke(unsafe, type.getKey(), bytes, 0, bytes.length, null, null);
        }
    }

    private static void appendToBootstrapPath(Instrumentation instrumentation, Map<String, byte[]> classes)
            throws IOException {
        Path jar = Files.createTempFile("journald4j-agent-", "-bridge.jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> type : classes.entrySet()) {
                out.putNextEntry(new JarEntry(type.getKey().replace('.', '/') + ".class"));
                out.write(type.getValue());
                out.closeEntry();
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
