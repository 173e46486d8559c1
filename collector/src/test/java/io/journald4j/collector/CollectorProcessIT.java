package io.journald4j.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The collector as users run it: {@code java -jar}, flags, the validate command, HTTP endpoints, SIGTERM. */
class CollectorProcessIT {

    private static final Path JAR = Paths.get("target", "journald4j-collector-0.1.0-SNAPSHOT.jar");

    @TempDir
    Path dir;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("stderr.log").toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.log"), StandardCharsets.UTF_8);
    }

    private void awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!stderr().contains(text)) {
            assertThat(System.nanoTime())
                    .as("waiting for '%s' in %s", text, stderr())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void shouldValidateAConfigAndNameTheLineOfAnError() throws Exception {
        Path good = Files.writeString(
                dir.resolve("good.toml"),
                "[listen]\npath = \"/tmp/j4j-socket\"\n[[output]]\ntype = \"jsonl\"\ntarget = \"-\"\n");
        Path bad = Files.writeString(
                dir.resolve("bad.toml"), "[listen]\npath = \"/tmp/j4j-socket\"\n\n[ring]\nwhen_full = \"maybe\"\n");
        Process ok = start("validate", good.toString());
        assertThat(ok.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ok.exitValue()).isZero();
        Process wrong = start("validate", bad.toString());
        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isEqualTo(2);
        assertThat(stderr()).contains(bad + ":5: when_full: unknown ring-full policy 'maybe'");
    }

    @Test
    void shouldRunAsANonRootUser() throws Exception {
        Path shared = Files.createTempDirectory(Paths.get("/tmp"), "journald4j-nobody-");
        try {
            Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Path socket = shared.resolve("socket");
            Path output = shared.resolve("out.jsonl");
            List<String> command = List.of(
                    "setpriv",
                    "--reuid=nobody",
                    "--regid=nogroup",
                    "--clear-groups",
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toAbsolutePath().toString(),
                    "--listen",
                    socket.toString(),
                    "--output",
                    "jsonl:" + output);
            Process collector = new ProcessBuilder(command)
                    .redirectError(dir.resolve("stderr.log").toFile())
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
            awaitLog("listening on");
            Object owner = Files.getAttribute(socket, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            assertThat(owner).as("the socket is the unprivileged user's").isEqualTo(65534);
            try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
                channel.send(
                        ByteBuffer.wrap("TEST=as-nobody\nMESSAGE=hello\n".getBytes(StandardCharsets.UTF_8)),
                        AFUNIXSocketAddress.of(socket));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((!Files.exists(output)
                            || Files.readString(output, StandardCharsets.UTF_8).isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("\"TEST\":\"as-nobody\"");
            collector.destroy();
            assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            try (var files = Files.list(shared)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(shared);
        }
    }

    @Test
    void shouldReloadOutputsOnHangupWithoutRebindingTheSocket() throws Exception {
        Path socket = dir.resolve("socket");
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        Path config = dir.resolve("collector.toml");
        Files.writeString(
                config,
                "[listen]\npath = \"" + socket + "\"\n[[output]]\ntype = \"jsonl\"\ntarget = \"" + first + "\"\n");
        Process collector = start("--config", config.toString());
        awaitLog("listening on");
        Object inode = Files.getAttribute(socket, "unix:ino");
        sendOne(socket, "TEST=before-reload\n");
        awaitLine(first, "before-reload");

        Files.writeString(
                config,
                "[listen]\npath = \"" + socket + "\"\n[[output]]\ntype = \"jsonl\"\ntarget = \"" + second + "\"\n");
        hangup(collector);
        awaitLog("reloaded: outputs [jsonl:" + second + "]");
        sendOne(socket, "TEST=after-reload\n");
        awaitLine(second, "after-reload");

        Files.writeString(
                config,
                "[listen]\npath = \"" + socket + "\"\n[[output]]\ntype = \"jsonl\"\ntarget = \"" + first
                        + "\"\nbogus = 1\n");
        hangup(collector);
        awaitLog("reload rejected, the running configuration stays");
        assertThat(stderr()).contains(config + ":6: ");
        sendOne(socket, "TEST=after-bad-reload\n");
        awaitLine(second, "after-bad-reload");

        assertThat(Files.getAttribute(socket, "unix:ino"))
                .as("the socket was never rebound")
                .isEqualTo(inode);
        assertThat(Files.readString(first, StandardCharsets.UTF_8)).doesNotContain("after-");
        collector.destroy();
        assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void sendOne(Path socket, String datagram) throws IOException {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.send(ByteBuffer.wrap(datagram.getBytes(StandardCharsets.UTF_8)), AFUNIXSocketAddress.of(socket));
        }
    }

    private static void hangup(Process process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(process.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }

    private void awaitLine(Path file, String test) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(file)
                || !Files.readString(file, StandardCharsets.UTF_8).contains("\"TEST\":\"" + test + "\"")) {
            assertThat(System.nanoTime())
                    .as("waiting for %s in %s; %s", test, file, stderr())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void shouldRefuseToReplaceAFileThatIsNotASocket() throws Exception {
        Path notSocket = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Process collector = start("--listen", notSocket.toString());
        assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(collector.exitValue()).isNotZero();
        assertThat(stderr()).contains("not a socket");
        assertThat(Files.readString(notSocket, StandardCharsets.UTF_8)).isEqualTo("keep me");
    }

    @Test
    void shouldWriteEverythingItReceivedWhenStoppedUnderLoad() throws Exception {
        Path socket = dir.resolve("socket");
        Path output = dir.resolve("out.jsonl");
        Process collector =
                start("--listen", socket.toString(), "--output", "jsonl:" + output, "--metrics", "127.0.0.1:0");
        awaitLog("listening on");
        Matcher address = Pattern.compile("metrics on http://([^\\s,]+)").matcher(stderr());
        assertThat(address.find()).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create("http://" + address.group(1));
        assertThat(http.send(
                                HttpRequest.newBuilder(base.resolve("/health")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicBoolean stopRequested = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<IOException> earlyFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int id = t;
            Thread sender = new Thread(() -> {
                try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
                    channel.connect(AFUNIXSocketAddress.of(socket));
                    for (int i = 0; sending.get(); i++) {
                        channel.write(ByteBuffer.wrap(("TEST=load\nMESSAGE=sender " + id + " entry " + i + "\n")
                                .getBytes(StandardCharsets.UTF_8)));
                        sent.incrementAndGet();
                    }
                } catch (IOException e) {
                    // Refused once the collector has closed its socket; anything earlier is a failure.
                    if (!stopRequested.get()) {
                        earlyFailure.set(e);
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        Thread.sleep(1500);
        String metrics = http.send(
                        HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics)
                .contains("journald4j_received_datagrams_total")
                .contains("journald4j_output_entries_total{output=\"jsonl:" + output + "\"}");

        stopRequested.set(true);
        collector.destroy();
        assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
        sending.set(false);
        for (Thread sender : senders) {
            sender.join(10_000);
        }
        assertThat(earlyFailure.get())
                .as("a sender failed before the collector was stopped")
                .isNull();
        Matcher summary = Pattern.compile("stopped; .*entries=(\\d+) .*written\\[[^]]+\\]=(\\d+)")
                .matcher(stderr());
        assertThat(summary.find()).as(stderr()).isTrue();
        long decoded = Long.parseLong(summary.group(1));
        long written = Long.parseLong(summary.group(2));
        assertThat(decoded).isPositive();
        assertThat(written).as("every received entry written").isEqualTo(decoded);
        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8)).hasSize((int) written);
        assertThat(socket).as("socket file removed on exit").doesNotExist();
    }
}
