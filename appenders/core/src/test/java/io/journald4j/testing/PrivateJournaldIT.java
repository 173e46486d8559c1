package io.journald4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

@RequiresJournald
class PrivateJournaldIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private PrivateJournald journald;
    private String testId;

    @BeforeEach
    void startJournald() {
        journald = PrivateJournald.start();
        testId = UUID.randomUUID().toString();
    }

    @AfterEach
    void stopJournald() {
        if (journald != null) {
            journald.close();
        }
    }

    @Test
    void shouldReadBackExactUtf8Text() throws IOException {
        send(utf8("TEST_ID=" + testId + "\nMESSAGE=h\u00e9llo \u2713\n"));

        List<JournalRecord> entries = journald.awaitEntries("TEST_ID", testId, 1, TIMEOUT);

        assertThat(entries).hasSize(1);
        JournalRecord entry = entries.get(0);
        assertThat(entry.text("MESSAGE")).isEqualTo("h\u00e9llo \u2713");
        assertThat(entry.bytes("MESSAGE")).isEqualTo(utf8("h\u00e9llo \u2713"));
        assertThat(entry.text("_NAMESPACE")).isEqualTo(journald.namespace());
        assertThat(entry.text("_TRANSPORT")).isEqualTo("journal");
    }

    @Test
    void shouldReadBackControlCharactersAndInvalidUtf8AsExactBytes() throws IOException {
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        datagram.write(utf8("TEST_ID=" + testId + "\nMESSAGE=control\nCTRL=a"));
        datagram.write(new byte[] {0x07, 'b', (byte) 0xff, 'c', '\n'});

        send(datagram.toByteArray());
        List<JournalRecord> entries = journald.awaitEntries("TEST_ID", testId, 1, TIMEOUT);

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).bytes("CTRL")).isEqualTo(new byte[] {'a', 0x07, 'b', (byte) 0xff, 'c'});
        assertThat(entries.get(0).toString()).contains("\"CTRL\":[97,7,98,255,99]");
    }

    @Test
    void shouldReadBackRepeatedFieldsInOrder() throws IOException {
        send(utf8("TEST_ID=" + testId + "\nMESSAGE=repeated\nTAG=one\nTAG=two\n"));

        List<JournalRecord> entries = journald.awaitEntries("TEST_ID", testId, 1, TIMEOUT);

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).texts("TAG")).containsExactly("one", "two");
    }

    @Test
    void shouldNotStoreTheReadinessProbe() throws IOException {
        journald.restart(); // probes once more
        String ownPid = Long.toString(ProcessHandle.current().pid());
        send(utf8("TEST_ID=" + testId + "\nMESSAGE=after the probes\n"));

        assertThat(journald.awaitEntries("TEST_ID", testId, 1, TIMEOUT)).hasSize(1);
        // Everything this JVM sent carries its _PID; only the entry above may be there.
        assertThat(journald.entries("_PID", ownPid)).hasSize(1);
    }

    @Test
    void shouldRefuseDatagramsAfterKillAndAcceptThemAgainAfterRestart() throws IOException {
        send(utf8("TEST_ID=" + testId + "\nMESSAGE=before kill\n"));
        assertThat(journald.awaitEntries("TEST_ID", testId, 1, TIMEOUT)).hasSize(1);

        journald.kill();

        assertThat(journald.isRunning()).isFalse();
        assertThat(Files.exists(journald.socketPath()))
                .as("stale socket file stays")
                .isTrue();
        assertThatThrownBy(() -> send(utf8("TEST_ID=" + testId + "\nMESSAGE=while dead\n")))
                .isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection refused");

        journald.restart();

        assertThat(journald.isRunning()).isTrue();
        send(utf8("TEST_ID=" + testId + "\nMESSAGE=after restart\n"));
        List<JournalRecord> entries = journald.awaitEntries("TEST_ID", testId, 2, TIMEOUT);
        assertThat(entries).extracting(e -> e.text("MESSAGE")).containsExactly("before kill", "after restart");
    }

    @Test
    void shouldQueueDatagramsWhileSuspendedAndStoreThemAfterResume() throws IOException {
        journald.suspend();
        int accepted = 0;
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.configureBlocking(false);
            AFUNIXSocketAddress address = AFUNIXSocketAddress.of(journald.socketPath());
            // A full queue makes a non-blocking send return 0 (EAGAIN).
            while (accepted < 100_000
                    && channel.send(
                                    ByteBuffer.wrap(utf8("TEST_ID=" + testId + "\nMESSAGE=queued " + accepted + "\n")),
                                    address)
                            > 0) {
                accepted++;
            }
        }
        assertThat(accepted)
                .as("the queue filled up while journald was stopped")
                .isPositive()
                .isLessThan(100_000);
        assertThat(journald.count("TEST_ID", testId)).isZero();

        journald.resume();

        assertThat(journald.awaitEntries("TEST_ID", testId, accepted, TIMEOUT)).hasSize(accepted);
    }

    @Test
    void shouldStoreTenMegabyteEntryPassedByDescriptor() throws IOException {
        byte[] message = new byte[10 * 1024 * 1024];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) ('a' + i % 26);
        }
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.write(utf8("TEST_ID=" + testId + "\nMESSAGE\n"));
        entry.write(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(message.length)
                .array());
        entry.write(message);
        entry.write('\n');

        Path file = Files.createTempFile(Paths.get("/dev/shm"), "journald4j-it-", ".entry");
        Files.write(file, entry.toByteArray());
        try (FileInputStream in = new FileInputStream(file.toFile());
                AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            Files.delete(file); // journald accepts only unlinked files
            channel.connect(AFUNIXSocketAddress.of(journald.socketPath())); // fd passing needs connect
            AFUNIXDatagramSocket socket = (AFUNIXDatagramSocket) channel.socket();
            socket.setOutboundFileDescriptors(in.getFD());
            socket.send(new DatagramPacket(new byte[0], 0));
        } finally {
            Files.deleteIfExists(file);
        }

        List<JournalRecord> entries = journald.awaitEntries("TEST_ID", testId, 1, TIMEOUT);

        assertThat(entries).hasSize(1);
        assertThat(Arrays.equals(entries.get(0).bytes("MESSAGE"), message))
                .as("10 MiB MESSAGE round-trips")
                .isTrue();
    }

    @Test
    void shouldStoreFiftyThousandEntriesWithoutRateLimiting() throws IOException {
        int count = 50_000;
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            AFUNIXSocketAddress address = AFUNIXSocketAddress.of(journald.socketPath());
            for (int i = 0; i < count; i++) {
                channel.send(ByteBuffer.wrap(utf8("TEST_ID=" + testId + "\nMESSAGE=entry " + i + "\n")), address);
            }
        }

        List<JournalRecord> entries = journald.awaitEntries("TEST_ID", testId, count, Duration.ofSeconds(30));

        assertThat(entries).hasSize(count);
        assertThat(entries.get(count - 1).text("MESSAGE")).isEqualTo("entry " + (count - 1));
        assertThat(journald.count("TEST_ID", testId)).isEqualTo(count);
    }

    @Test
    void shouldDeleteConfigurationJournalAndSocketsOnClose() throws IOException {
        send(utf8("TEST_ID=" + testId + "\nMESSAGE=to be deleted\n"));
        assertThat(journald.awaitEntries("TEST_ID", testId, 1, TIMEOUT)).hasSize(1);
        String namespace = journald.namespace();

        journald.close();

        assertThat(journald.isRunning()).isFalse();
        assertThat(Paths.get("/etc/systemd/journald@" + namespace + ".conf")).doesNotExist();
        assertThat(Paths.get("/run/systemd/journal." + namespace)).doesNotExist();
        for (String root : new String[] {"/run/log/journal", "/var/log/journal"}) {
            if (Files.isDirectory(Paths.get(root))) {
                try (java.util.stream.Stream<Path> dirs = Files.list(Paths.get(root))) {
                    assertThat(dirs)
                            .noneMatch(dir -> dir.getFileName().toString().endsWith("." + namespace));
                }
            }
        }
    }

    private void send(byte[] datagram) throws IOException {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.send(ByteBuffer.wrap(datagram), AFUNIXSocketAddress.of(journald.socketPath()));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
