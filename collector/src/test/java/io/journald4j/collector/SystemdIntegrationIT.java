package io.journald4j.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.testing.JournalDatagramReceiver;
import io.journald4j.testing.ReceivedDatagram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector among systemd's conventions, with the test playing systemd's part: socket
 * activation, readiness notification, and standing in for journald's socket so that unmodified
 * libsystemd clients ({@code logger --journald}, python3-systemd) log into it.
 */
class SystemdIntegrationIT {

    private static final String JAVA =
            Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    private static final String JAR = Paths.get("target", "journald4j-collector-0.1.0-SNAPSHOT.jar")
            .toAbsolutePath()
            .toString();

    @TempDir
    Path dir;

    private String read(String name) throws Exception {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private void awaitContent(String file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!read(file).contains(text)) {
            assertThat(System.nanoTime())
                    .as("waiting for '%s' in %s; stderr: %s", text, file, read("stderr.log"))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void shouldUseTheSocketSystemdPassesAndReportReadiness() throws Exception {
        Path socket = dir.resolve("activated.socket");
        Path output = dir.resolve("out.jsonl");
        try (JournalDatagramReceiver notify = JournalDatagramReceiver.open()) {
            // Plays systemd: binds the socket, puts it on fd 3, sets LISTEN_FDS and LISTEN_PID, and execs the collector
            // in the same process.
            String systemd = String.join(
                    "\n",
                    "import os, socket, sys",
                    "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1])",
                    "os.dup2(s.fileno(), 3); os.set_inheritable(3, True)",
                    "env = dict(os.environ, LISTEN_FDS='1', LISTEN_PID=str(os.getpid()), NOTIFY_SOCKET=sys.argv[2])",
                    "os.execve(sys.argv[3], sys.argv[3:], env)");
            Process collector = new ProcessBuilder(
                            "python3",
                            "-c",
                            systemd,
                            socket.toString(),
                            notify.socketPath().toString(),
                            JAVA,
                            "-jar",
                            JAR,
                            "--listen",
                            dir.resolve("never-bound").toString(),
                            "--output",
                            "jsonl:" + output)
                    .redirectError(dir.resolve("stderr.log").toFile())
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
            List<ReceivedDatagram> ready = notify.awaitDatagrams(1, Duration.ofSeconds(20));
            assertThat(ready).as(read("stderr.log")).isNotEmpty();
            assertThat(ready.get(0).text()).contains("READY=1").contains("MAINPID=" + collector.pid());
            assertThat(read("stderr.log")).contains("passed by systemd");
            assertThat(dir.resolve("never-bound")).doesNotExist();

            new ProcessBuilder(
                            "python3",
                            "-c",
                            "import socket,sys; socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b'TEST=activated\\n', sys.argv[1])",
                            socket.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
            awaitContent("out.jsonl", "\"TEST\":\"activated\"");

            long stopping = System.nanoTime();
            collector.destroy();
            assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping))
                    .as("a blocked receive on systemd's socket is woken, not waited out for the shutdown timeout")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(notify.awaitDatagrams(2, Duration.ofSeconds(5)))
                    .extracting(ReceivedDatagram::text)
                    .anyMatch(text -> text.contains("STOPPING=1"));
            assertThat(socket)
                    .as("systemd's socket file stays for the next start")
                    .exists();
        }
    }

    @Test
    void shouldStandInForJournaldForUnmodifiedLibsystemdClients() throws Exception {
        Path socket = dir.resolve("journal.socket");
        Path output = dir.resolve("out.jsonl");
        Process collector = new ProcessBuilder(
                        JAVA, "-jar", JAR, "--listen", socket.toString(), "--output", "jsonl:" + output)
                .redirectError(dir.resolve("stderr.log").toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        try {
            awaitContent("stderr.log", "listening on");
            // In a private mount namespace the collector's socket is put where libsystemd looks for journald.
            String clients = String.join(
                    " && ",
                    "mkdir -p /run/systemd/journal",
                    "mount -t tmpfs tmpfs /run/systemd/journal",
                    "touch /run/systemd/journal/socket",
                    "mount --bind " + socket + " /run/systemd/journal/socket",
                    "printf 'MESSAGE=from logger\\nTEST=drop-in-logger\\nPRIORITY=5\\n' | logger --journald",
                    "/usr/bin/python3 -c \"from systemd import journal; journal.send('from python, gr\\u00fc\\u00dfe', TEST='drop-in-python', ORDER_ID='1001')\"");
            Process unshare = new ProcessBuilder("unshare", "-m", "sh", "-c", clients)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("clients.log").toFile())
                    .start();
            assertThat(unshare.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(unshare.exitValue()).as(read("clients.log")).isZero();
            awaitContent("out.jsonl", "\"TEST\":\"drop-in-logger\"");
            awaitContent("out.jsonl", "\"TEST\":\"drop-in-python\"");
            String lines = read("out.jsonl");
            assertThat(lines)
                    .contains("\"MESSAGE\":\"from logger\"")
                    .contains("\"MESSAGE\":\"from python, grüße\"")
                    .contains("\"ORDER_ID\":\"1001\"")
                    .contains("\"CODE_FILE\":");
        } finally {
            collector.destroy();
            collector.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
