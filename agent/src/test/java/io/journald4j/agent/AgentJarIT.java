package io.journald4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.support.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/** What the application's class path sees of the agent jar, and what the hidden parts hold. */
class AgentJarIT {

    @Test
    void shouldExposeOnlyThePremainClassesAndTheManifest() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            List<String> names = new ArrayList<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
            Attributes manifest = jar.getManifest().getMainAttributes();

            assertThat(names)
                    .allMatch(name -> name.matches("io/journald4j/agent/[A-Za-z]+\\.class")
                            || name.equals("META-INF/MANIFEST.MF")
                            || name.equals("META-INF/journald4j/bootstrap.jar")
                            || name.equals("META-INF/journald4j/internal.jar"))
                    .contains("io/journald4j/agent/JournaldAgent.class", "META-INF/journald4j/internal.jar");
            assertThat(manifest.getValue("Premain-Class")).isEqualTo(JournaldAgent.class.getName());
            assertThat(manifest.getValue("Agent-Class")).isEqualTo(JournaldAgent.class.getName());
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }

    @Test
    void shouldRelocateAsmAndKeepJunixsocketAndNoLoggingFramework() throws IOException {
        List<String> names = nestedEntries("META-INF/journald4j/internal.jar");

        assertThat(names).noneMatch(name -> name.startsWith("org/objectweb/"));
        assertThat(names).contains("io/journald4j/agent/shaded/asm/ClassReader.class");
        assertThat(names).contains("org/newsclub/net/unix/AFUNIXDatagramSocket.class");
        assertThat(names).anyMatch(name -> name.startsWith("lib/amd64-Linux-"));
        assertThat(names).noneMatch(name -> name.startsWith("lib/") && name.matches("lib/[^/]+-(MacOSX|Windows10)-.*"));
        assertThat(names)
                .noneMatch(name -> name.startsWith("ch/qos/logback/")
                        || name.startsWith("org/apache/logging/")
                        || name.startsWith("org/slf4j/"));
        assertThat(names).noneMatch(name -> name.startsWith("META-INF/services/") && name.contains("logging"));
        assertThat(nestedEntries("META-INF/journald4j/bootstrap.jar"))
                .allMatch(name -> name.startsWith("io/journald4j/agent/bootstrap/") || name.startsWith("META-INF/"));
    }

    private static List<String> nestedEntries(String nested) throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile());
                InputStream in = jar.getInputStream(jar.getJarEntry(nested));
                JarInputStream entries = new JarInputStream(in)) {
            List<String> names = new ArrayList<>();
            for (JarEntry entry = entries.getNextJarEntry(); entry != null; entry = entries.getNextJarEntry()) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
            return names;
        }
    }
}
