package io.journald4j.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.protocol.JournalEncoder;
import io.journald4j.testing.JournalDatagramReceiver;
import io.journald4j.testing.ReceivedDatagram;
import java.nio.ByteBuffer;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender against a plain AF_UNIX receiver: routes, policies and counts, without journald. */
class DatagramJournalSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ByteBuffer entry(String message) {
        return new JournalEncoder().field("MESSAGE", message).entry();
    }

    @Test
    void shouldSendEachEntryAsOneDatagram() {
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open();
                DatagramJournalSender sender = DatagramJournalSender.open(
                        SenderConfig.defaults().withSocketPath(receiver.socketPath()), SendListener.NONE)) {
            assertThat(sender.send(entry("one"))).isTrue();
            assertThat(sender.send(entry("two"))).isTrue();
            List<ReceivedDatagram> received = receiver.awaitDatagrams(2, WAIT);
            assertThat(received).extracting(ReceivedDatagram::text).containsExactly("MESSAGE=one\n", "MESSAGE=two\n");
            assertThat(received).noneMatch(ReceivedDatagram::viaDescriptor);
            assertThat(sender.statistics().delivered()).isEqualTo(2);
        }
    }

    @Test
    void shouldPassAnEntryTooLargeForADatagramAsADescriptor() {
        String big = "x".repeat(3 * JournalSocket.MAX_POOLED_DATAGRAM);
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open();
                DatagramJournalSender sender = DatagramJournalSender.open(
                        SenderConfig.defaults().withSocketPath(receiver.socketPath()), SendListener.NONE)) {
            assertThat(sender.send(entry(big))).isTrue();
            List<ReceivedDatagram> received = receiver.awaitDatagrams(1, WAIT);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).viaDescriptor()).isTrue();
            assertThat(received.get(0).payload()).isEqualTo(("MESSAGE=" + big + "\n").getBytes(UTF_8));
            assertThat(sender.statistics().deliveredViaDescriptor()).isEqualTo(1);
        }
    }

    @Test
    void shouldDropAnEntryThatOutgrewTheEncoderAndSayWhy() {
        RecordingListener listener = new RecordingListener();
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open();
                DatagramJournalSender sender = DatagramJournalSender.open(
                        SenderConfig.defaults().withSocketPath(receiver.socketPath()), listener)) {
            JournalEncoder encoder = new JournalEncoder(16, 32).field("MESSAGE", "x".repeat(100));
            assertThat(sender.send(encoder)).isFalse();
            assertThat(listener.drops).containsExactly(DropReason.TOO_LARGE);
            assertThat(sender.statistics().dropped(DropReason.TOO_LARGE)).isEqualTo(1);
        }
    }

    @Test
    void shouldCountEveryEntryDropWithholdsWhileTheQueueIsFull() {
        RecordingListener listener = new RecordingListener();
        // More than any kernel queue: net.unix.max_dgram_qlen is 10 without systemd, 512 where systemd set it.
        int sent = 4096;
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open();
                DatagramJournalSender sender = DatagramJournalSender.open(
                        SenderConfig.defaults()
                                .withSocketPath(receiver.socketPath())
                                .withPolicy(SendPolicy.DROP),
                        listener)) {
            receiver.pause();
            long start = System.nanoTime();
            int accepted = 0;
            for (int i = 0; i < sent; i++) {
                accepted += sender.send(entry("m" + i)) ? 1 : 0;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            receiver.resume();
            assertThat(accepted).isLessThan(sent);
            assertThat(receiver.awaitDatagrams(accepted, WAIT)).hasSize(accepted);
            assertThat(sender.statistics().dropped(DropReason.QUEUE_FULL)).isEqualTo(sent - accepted);
            assertThat(listener.drops).hasSize(sent - accepted).containsOnly(DropReason.QUEUE_FULL);
        }
    }

    @Test
    void shouldGiveUpWaitingAfterTheBlockTimeoutAndThenDropAtOnce() {
        RecordingListener listener = new RecordingListener();
        SenderConfig config = SenderConfig.defaults()
                .withSocketPath(Paths.get("/run/journald4j-absent/socket"))
                .withBlockTimeout(Duration.ofMillis(300));
        try (DatagramJournalSender sender = DatagramJournalSender.open(config, listener)) {
            long start = System.nanoTime();
            assertThat(sender.send(entry("first"))).isFalse();
            Duration firstWait = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            assertThat(sender.send(entry("second"))).isFalse();
            Duration secondWait = Duration.ofNanos(System.nanoTime() - start);
            assertThat(firstWait).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
            assertThat(secondWait).isLessThan(Duration.ofMillis(100));
            assertThat(listener.drops).containsExactly(DropReason.UNAVAILABLE, DropReason.UNAVAILABLE);
            assertThat(listener.errors).hasSize(1).allMatch(e -> e.contains("not reachable"));
        }
    }

    @Test
    void shouldReconnectWhenTheReceiverComesBack() throws Exception {
        RecordingListener listener = new RecordingListener();
        JournalDatagramReceiver first = JournalDatagramReceiver.open();
        SenderConfig config = SenderConfig.defaults()
                .withSocketPath(first.socketPath())
                .withPolicy(SendPolicy.DROP)
                .withReconnectInterval(Duration.ZERO);
        try (DatagramJournalSender sender = DatagramJournalSender.open(config, listener)) {
            assertThat(sender.send(entry("before"))).isTrue();
            assertThat(first.awaitDatagrams(1, WAIT)).hasSize(1);
            first.close();
            assertThat(sender.send(entry("while down"))).isFalse();
            try (JournalDatagramReceiver second =
                    JournalDatagramReceiver.openIn(first.socketPath().getParent())) {
                assertThat(sender.send(entry("after"))).isTrue();
                assertThat(second.awaitDatagrams(1, WAIT))
                        .extracting(ReceivedDatagram::text)
                        .containsExactly("MESSAGE=after\n");
            }
            assertThat(listener.reconnects).isEqualTo(1);
            assertThat(sender.statistics().dropped(DropReason.UNAVAILABLE)).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepTheSocketUsableWhenAnInterruptedThreadLogs() {
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open();
                DatagramJournalSender sender = DatagramJournalSender.open(
                        SenderConfig.defaults().withSocketPath(receiver.socketPath()), SendListener.NONE)) {
            Thread.currentThread().interrupt();
            try {
                assertThat(sender.send(entry("from an interrupted thread"))).isTrue();
                assertThat(Thread.currentThread().isInterrupted())
                        .as("the flag is restored")
                        .isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(sender.send(entry("next"))).isTrue();
            assertThat(receiver.awaitDatagrams(2, WAIT)).hasSize(2);
            assertThat(sender.statistics().dropped()).isZero();
        }
    }

    @Test
    void shouldDropEverythingAfterClose() {
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open()) {
            DatagramJournalSender sender = DatagramJournalSender.open(
                    SenderConfig.defaults().withSocketPath(receiver.socketPath()), SendListener.NONE);
            sender.close();
            assertThat(sender.send(entry("late"))).isFalse();
            assertThat(sender.statistics().dropped(DropReason.UNAVAILABLE)).isEqualTo(1);
        }
    }
}
