package io.journald4j.agent.apps;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts an application in a class loader of its own, as Spring Boot's launcher does with the jars nested
 * in an executable jar: Logback and the application are invisible to the system class loader.
 *
 * <p>Arguments: the class path for the application's loader (path-separator list), the main class, then
 * the application's own arguments.
 */
public final class IsolatedLoaderLauncher {

    private IsolatedLoaderLauncher() {}

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : args[0].split(java.io.File.pathSeparator)) {
            urls.add(Paths.get(entry).toUri().toURL());
        }
        String[] appArgs = new String[args.length - 2];
        System.arraycopy(args, 2, appArgs, 0, appArgs.length);
        try (URLClassLoader loader =
                new URLClassLoader("nested-app", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Method main = Class.forName(args[1], true, loader).getMethod("main", String[].class);
            main.invoke(null, (Object) appArgs);
        }
    }
}
