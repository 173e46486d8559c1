package io.journald4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The collector as users run it ({@code java -jar}), and entries sent to it, for the end-to-end benchmarks. */
final class CollectorProcess {

    static final Path JAR = Paths.get("collector/target/journald4j-collector-0.1.0-SNAPSHOT.jar");

    private CollectorProcess() {}

    /** Fails early, with the command that builds it, when the collector jar is missing. */
    static void requireJar() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " missing: mvn -B -q -pl collector -am package -DskipTests");
        }
    }

    /** Starts the collector with {@code args}, its output in {@code work/NAME.log}, and waits until it listens. */
    static Process start(Path work, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = log(work, name);
        Process collector = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitLog(collector, log, "listening on");
        return collector;
    }

    static Path log(Path work, String name) {
        return work.resolve(name + ".log");
    }

    /** Waits up to 60 s for {@code text} in the collector's log. */
    static void awaitLog(Process collector, Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log)
                || !Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            if (!collector.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no '" + text + "' from the collector: "
                        + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)"));
            }
            Thread.sleep(20);
        }
    }

    /** SIGTERM, and wait for the drain. */
    static void stop(Process collector) throws InterruptedException {
        collector.destroy();
        collector.waitFor(60, TimeUnit.SECONDS);
    }

    /** Sends each datagram, in order, to the socket at {@code socket} (blocking when its queue is full). */
    static void sendAll(Path socket, List<byte[]> datagrams) throws IOException {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.connect(AFUNIXSocketAddress.of(socket));
            for (byte[] datagram : datagrams) {
                channel.write(ByteBuffer.wrap(datagram));
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
