package io.journald4j.agent.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Builds a Spring Boot executable jar the way {@code spring-boot-maven-plugin repackage} lays it out:
 * Spring Boot's launcher at the root, the application under {@code BOOT-INF/classes/}, its libraries as
 * uncompressed jars under {@code BOOT-INF/lib/}, loaded at run time by Spring Boot's own class loader.
 */
public final class SpringBootJar {

    private SpringBootJar() {}

    /**
     * Writes the jar: {@code startClass} runs; {@code classes} are the paths under the test classes to
     * include; {@code libraries} name the test class path's jars (by file-name prefix) to nest.
     */
    public static Path build(Path target, Class<?> startClass, List<String> classes, List<String> libraries)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        main.putValue("Start-Class", startClass.getName());
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        Path testClasses = Paths.get(
                startClass.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            copyLoader(jar, classPathJar("spring-boot-loader-"));
            for (String directory : new String[] {"BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/lib/"}) {
                jar.putNextEntry(new JarEntry(directory));
                jar.closeEntry();
            }
            for (String path : classes) {
                addTree(jar, testClasses, testClasses.resolve(path));
            }
            for (String library : libraries) {
                Path nested = classPathJar(library);
                addStored(jar, "BOOT-INF/lib/" + nested.getFileName(), Files.readAllBytes(nested));
            }
        }
        return target;
    }

    private static void copyLoader(JarOutputStream jar, Path loader) throws IOException {
        try (JarFile source = new JarFile(loader.toFile())) {
            for (JarEntry entry : Collections.list(source.entries())) {
                if (entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }

    private static void addTree(JarOutputStream jar, Path root, Path start) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(start)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path path : files) {
            String name = "BOOT-INF/classes/" + root.relativize(path).toString().replace(File.separatorChar, '/');
            jar.putNextEntry(new JarEntry(name));
            Files.copy(path, jar);
            jar.closeEntry();
        }
    }

    /** Nested jars must be stored, not deflated: Spring Boot reads them in place. */
    private static void addStored(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(JarEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
    }

    private static Path classPathJar(String fileNamePrefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(entry);
            if (path.getFileName().toString().startsWith(fileNamePrefix) && entry.endsWith(".jar")) {
                return path;
            }
        }
        throw new IllegalStateException("no " + fileNamePrefix + "*.jar on the test class path");
    }
}
