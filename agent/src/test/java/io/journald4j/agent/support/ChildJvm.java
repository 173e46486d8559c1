package io.journald4j.agent.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a test application in a child JVM, with or without the agent, and captures what it printed.
 *
 * <p>The child's class path is the test class path without the agent module's own classes and jar, as an
 * application's would be: the agent reaches it only through {@code -javaagent}. The application still has
 * journald4j, junixsocket and Logback of its own, which is what the agent must keep apart from its copies.
 */
public final class ChildJvm {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String classPath = applicationClassPath();

    private ChildJvm() {}

    public static ChildJvm create() {
        return new ChildJvm();
    }

    /** The built agent jar, as the build passes it to the integration tests. */
    public static Path agentJar() {
        String jar = System.getProperty("journald4j.agentJar");
        if (jar == null) {
            throw new IllegalStateException("system property journald4j.agentJar is not set: run under failsafe");
        }
        return Paths.get(jar);
    }

    /** Adds {@code -javaagent:} the built jar, with {@code arguments} when not null. */
    public ChildJvm withAgent(String arguments) {
        jvmOptions.add("-javaagent:" + agentJar() + (arguments == null ? "" : "=" + arguments));
        return this;
    }

    public ChildJvm withOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public ChildJvm withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ChildJvm withClassPath(String classPath) {
        this.classPath = classPath;
        return this;
    }

    public Result run(Class<?> mainClass, String... args) {
        return run(mainClass.getName(), args);
    }

    public Result run(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return execute(command);
    }

    /** Runs {@code java [options] -jar jar args}. */
    public Result runJar(Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return execute(command);
    }

    private Result execute(List<String> tail) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(tail);
        try {
            Path out = Files.createTempFile("journald4j-agent-it-", ".out");
            Path err = Files.createTempFile("journald4j-agent-it-", ".err");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().keySet().removeIf(name -> name.startsWith("JOURNALD4J_AGENT_"));
                builder.environment().putAll(environment);
                long start = System.nanoTime();
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException("child JVM did not finish within " + TIMEOUT + ": " + command);
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                return new Result(
                        command,
                        process.exitValue(),
                        new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                        new String(Files.readAllBytes(err), StandardCharsets.UTF_8),
                        elapsed);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test class path minus the agent module's classes and jar. */
    public static String applicationClassPath() {
        List<String> excluded = new ArrayList<>();
        for (String property : new String[] {"journald4j.agentJar", "journald4j.agentClasses"}) {
            String value = System.getProperty(property);
            if (value != null) {
                excluded.add(Paths.get(value).toAbsolutePath().normalize().toString());
            }
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !excluded.contains(
                        Paths.get(entry).toAbsolutePath().normalize().toString()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** What a child JVM did. */
    public static final class Result {
        public final List<String> command;
        public final int exitCode;
        public final String stdout;
        public final String stderr;
        public final Duration elapsed;

        Result(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {
            this.command = command;
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.elapsed = elapsed;
        }

        /** The stderr lines the agent printed. */
        public List<String> agentLines() {
            return Arrays.stream(stderr.split("\n"))
                    .filter(line -> line.startsWith("journald4j-agent:"))
                    .collect(Collectors.toList());
        }

        /** stderr without the agent's lines, to compare with a run without the agent. */
        public String stderrWithoutAgentLines() {
            return Arrays.stream(stderr.split("\n", -1))
                    .filter(line -> !line.startsWith("journald4j-agent:"))
                    .collect(Collectors.joining("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + elapsed.toMillis() + " ms of " + String.join(" ", command)
                    + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }
}
