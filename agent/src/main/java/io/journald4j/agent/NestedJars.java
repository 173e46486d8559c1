package io.journald4j.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * The jars nested in the agent jar under {@code META-INF/journald4j/}, copied out to temporary files.
 *
 * <p>They are read from the agent jar itself, found through this class's code source, rather than as
 * class-path resources: the application's class path comes first and could hold a resource of the same
 * name. The copies are deleted when the JVM exits.
 */
final class NestedJars {

    private static final String PREFIX = "META-INF/journald4j/";

    private final Path agentJar;

    private NestedJars(Path agentJar) {
        this.agentJar = agentJar;
    }

    static NestedJars ofAgentJar() throws IOException {
        CodeSource source = NestedJars.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("cannot locate the agent jar");
        }
        try {
            return new NestedJars(Paths.get(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot locate the agent jar from " + source.getLocation(), e);
        }
    }

    /** Copies the nested jar {@code name} to a new temporary file and returns it. */
    Path extract(String name) throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            Path copy = Files.createTempFile("journald4j-agent-", "-" + name);
            copy.toFile().deleteOnExit();
            try (InputStream in = open(jar, name)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
    }

    /** The classes of the nested jar {@code name}, by binary name, read without a temporary file. */
    Map<String, byte[]> readClasses(String name) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(agentJar.toFile());
                JarInputStream nested = new JarInputStream(open(jar, name))) {
            for (JarEntry entry = nested.getNextJarEntry(); entry != null; entry = nested.getNextJarEntry()) {
                String path = entry.getName();
                if (path.endsWith(".class") && !path.startsWith("META-INF/")) {
                    classes.put(
                            path.substring(0, path.length() - ".class".length()).replace('/', '.'),
                            nested.readAllBytes());
                }
            }
        }
        return classes;
    }

    private InputStream open(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(PREFIX + name);
        if (entry == null) {
            throw new IOException(agentJar + " holds no " + PREFIX + name + "; is it the journald4j agent jar?");
        }
        return jar.getInputStream(entry);
    }
}
