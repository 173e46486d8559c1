package io.journald4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class JournalDatagramReceiverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private JournalDatagramReceiver receiver;

    @BeforeEach
    void open() {
        receiver = JournalDatagramReceiver.open();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void shouldRecordDatagramPayloadExactly() throws IOException {
        byte[] payload = "MESSAGE=h\u00e9llo \u2713\nCTRL=\u0007\n".getBytes(StandardCharsets.UTF_8);

        sendTo(receiver.socketPath(), payload);
        List<ReceivedDatagram> received = receiver.awaitDatagrams(1, TIMEOUT);

        assertThat(received).hasSize(1);
        assertThat(received.get(0).payload()).isEqualTo(payload);
        assertThat(received.get(0).viaDescriptor()).isFalse();
    }

    @Test
    void shouldRecordLargeDatagramWithoutTruncation() throws IOException {
        byte[] payload = new byte[200_000]; // fits the default SO_SNDBUF (max datagram 212,960 B)
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }

        sendTo(receiver.socketPath(), payload);
        List<ReceivedDatagram> received = receiver.awaitDatagrams(1, TIMEOUT);

        assertThat(received).hasSize(1);
        assertThat(received.get(0).payload()).isEqualTo(payload);
    }

    @Test
    void shouldRecordFilePassedByDescriptorInZeroLengthDatagram() throws IOException {
        byte[] content = "MESSAGE=via a descriptor\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile(Paths.get("/dev/shm"), "journald4j-test-", ".entry");
        Files.write(file, content);
        try (FileInputStream in = new FileInputStream(file.toFile());
                AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            Files.delete(file);
            channel.connect(AFUNIXSocketAddress.of(receiver.socketPath()));
            AFUNIXDatagramSocket socket = (AFUNIXDatagramSocket) channel.socket();
            socket.setOutboundFileDescriptors(in.getFD());
            socket.send(new DatagramPacket(new byte[0], 0));
            channel.write(ByteBuffer.wrap("MESSAGE=plain\n".getBytes(StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(file);
        }

        List<ReceivedDatagram> received = receiver.awaitDatagrams(2, TIMEOUT);

        assertThat(received).hasSize(2);
        assertThat(received.get(0).viaDescriptor()).isTrue();
        assertThat(received.get(0).payload()).isEqualTo(content);
        assertThat(received.get(1).viaDescriptor()).isFalse();
        assertThat(received.get(1).text()).isEqualTo("MESSAGE=plain\n");
    }

    @Test
    void shouldLeaveDatagramsQueuedWhilePaused() throws IOException {
        receiver.pause();
        int accepted = 0;
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.configureBlocking(false);
            AFUNIXSocketAddress address = AFUNIXSocketAddress.of(receiver.socketPath());
            // A full queue makes a non-blocking send return 0.
            while (accepted < 100_000
                    && channel.send(
                                    ByteBuffer.wrap(("MESSAGE=" + accepted + "\n").getBytes(StandardCharsets.UTF_8)),
                                    address)
                            > 0) {
                accepted++;
            }
        }
        assertThat(accepted)
                .as("the kernel queue filled up")
                .isLessThan(100_000)
                .isPositive();
        assertThat(receiver.received()).isEmpty();

        receiver.resume();

        List<ReceivedDatagram> received = receiver.awaitDatagrams(accepted, TIMEOUT);
        assertThat(received).hasSize(accepted);
        assertThat(received.get(accepted - 1).text()).isEqualTo("MESSAGE=" + (accepted - 1) + "\n");
    }

    @Test
    void shouldDeleteItsSocketOnClose() {
        Path socket = receiver.socketPath();
        assertThat(socket).exists();

        receiver.close();

        assertThat(socket).doesNotExist();
        assertThat(socket.getParent()).doesNotExist();
    }

    private static void sendTo(Path socket, byte[] payload) throws IOException {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.send(ByteBuffer.wrap(payload), AFUNIXSocketAddress.of(socket));
        }
    }
}
