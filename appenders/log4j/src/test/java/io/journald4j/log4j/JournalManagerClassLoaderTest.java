package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.transport.SenderConfig;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Two copies of journald4j-log4j in two class loaders (two webapps) beside one shared log4j-core:
 * each must get a manager of its own class, never the other's from log4j-core's registry.
 */
class JournalManagerClassLoaderTest {

    /** Loads io.journald4j.* from the build output itself; everything else (log4j-core) from the parent. */
    private static final class SecondCopy extends URLClassLoader {
        SecondCopy(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith("io.journald4j.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    @Test
    void aSecondCopyOfTheAppenderGetsAManagerOfItsOwnClass() throws Exception {
        SenderConfig config = SenderConfig.defaults().withSocketPath(Paths.get("/run/journald4j-absent/socket"));
        JournalManager ours = JournalManager.forConfig(config);
        Path classes = Paths.get(JournalManager.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path core = Paths.get(SenderConfig.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (SecondCopy loader = new SecondCopy(
                new URL[] {classes.toUri().toURL(), core.toUri().toURL()},
                JournalManagerClassLoaderTest.class.getClassLoader())) {
            Class<?> otherManager = loader.loadClass(JournalManager.class.getName());
            Class<?> otherConfig = loader.loadClass(SenderConfig.class.getName());
            Object otherSettings = otherConfig
                    .getMethod("withSocketPath", Path.class)
                    .invoke(otherConfig.getMethod("defaults").invoke(null), config.socketPath());
            Method forConfig = otherManager.getDeclaredMethod("forConfig", otherConfig);
            forConfig.setAccessible(true);
            Object theirs = forConfig.invoke(null, otherSettings);
            assertThat(theirs.getClass()).isSameAs(otherManager).isNotSameAs(JournalManager.class);
            assertThat(JournalManager.forConfig(config))
                    .as("ours is still ours")
                    .isSameAs(ours);
            Method stop =
                    otherManager.getSuperclass().getMethod("stop", long.class, java.util.concurrent.TimeUnit.class);
            stop.invoke(theirs, 1L, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            ours.stop(1, java.util.concurrent.TimeUnit.SECONDS);
            ours.stop(1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
