package io.journald4j.agent.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads Logback, SLF4J and {@link LogbackScenario} itself (child-first, from the test class path) and
 * weaves Logback's dispatch point as the agent would; everything else, the bridge included, comes from
 * the test's class loader.
 */
final class WeavingClassLoader extends URLClassLoader {

    WeavingClassLoader() {
        super(urls(), WeavingClassLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("ch.qos.logback.")
                && !name.startsWith("org.slf4j.")
                && !name.startsWith(LogbackScenario.class.getName())) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                byte[] bytes = read(name);
                DispatchPoint point = DispatchPoint.inClass(name.replace('.', '/'));
                byte[] woven = point == null ? null : DispatchPointTransformer.weave(bytes, point);
                byte[] definition = woven == null ? bytes : woven;
                type = defineClass(name, definition, 0, definition.length);
            }
            return type;
        }
    }

    private byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private static URL[] urls() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Paths.get(entry).getFileName().toString();
            if (file.startsWith("logback-") || file.startsWith("slf4j-api-") || entry.endsWith("test-classes")) {
                try {
                    urls.add(Paths.get(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return urls.toArray(new URL[0]);
    }
}
