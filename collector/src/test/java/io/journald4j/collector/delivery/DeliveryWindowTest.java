package io.journald4j.collector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.collector.metrics.CollectorMetrics;
import io.journald4j.collector.metrics.OutputMetrics;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DeliveryWindowTest {

    private final OutputMetrics metrics = new CollectorMetrics().output("kafka:test");
    private final DeliveryWindow window = new DeliveryWindow(10, metrics);

    private void sendAll(long from, long to) {
        for (long s = from; s < to; s++) {
            window.sending(s, 1000 + s);
        }
    }

    @Test
    void outOfOrderConfirmationsMoveTheLowMarkOnlyOverAContiguousPrefix() {
        sendAll(10, 15);
        window.delivered(12, 1, 100);
        window.delivered(11, 1, 100);
        assertThat(window.confirmedBelow()).isEqualTo(10);
        assertThat(window.oldestUnconfirmedMicros()).isEqualTo(1010);
        window.delivered(10, 1, 100);
        assertThat(window.confirmedBelow()).isEqualTo(13);
        window.delivered(14, 1, 100);
        window.delivered(13, 1, 100);
        assertThat(window.confirmedBelow()).isEqualTo(15);
        assertThat(window.oldestUnconfirmedMicros()).isZero();
        assertThat(metrics.entries()).isEqualTo(5);
    }

    @Test
    void aRetriableFailureSchedulesOneRetryAndOnlyTheFailedMessageIsResent() throws InterruptedException {
        sendAll(10, 13);
        window.delivered(10, 1, 1);
        window.failed(11, "timeout", new IOException("broker down"), true);
        assertThat(window.lastFailure()).isEqualTo("timeout: broker down");
        assertThat(window.isDown()).isTrue();
        window.delivered(12, 1, 1);
        assertThat(window.retryScheduled()).isTrue();
        assertThat(window.isDown()).as("deliveries go through again").isFalse();
        assertThat(window.isSettledOrInFlight(11)).as("waiting to be resent").isFalse();
        assertThat(window.isSettledOrInFlight(12)).isTrue();
        Thread.sleep(150);
        assertThat(window.takeDueRetry()).isTrue();
        assertThat(window.takeDueRetry()).isFalse();
        assertThat(window.sending(11, 1011)).as("a resend").isTrue();
        window.delivered(11, 1, 1);
        assertThat(window.confirmedBelow()).isEqualTo(13);
        assertThat(metrics.sendErrors("timeout")).isEqualTo(1);
        assertThat(metrics.dropped()).isZero();
    }

    @Test
    void aFailureThatCannotSucceedIsDroppedAndCountedNotRetried() {
        sendAll(10, 11);
        window.failed(10, "record_too_large", new IOException("too large"), false);
        assertThat(window.retryScheduled()).isFalse();
        assertThat(window.confirmedBelow()).isEqualTo(11);
        assertThat(metrics.dropped()).isEqualTo(1);
        assertThat(metrics.spoolDropped("not_retriable")).isEqualTo(1);
    }

    @Test
    void droppingOldSegmentsCountsEachMessageExactlyOnce() {
        sendAll(10, 20); // 10..19 in flight
        window.failed(12, "timeout", null, true); // waits for a retry
        window.abandon(10, 30); // 12 dropped now, 20..29 never sent: dropped now; 10..19 in flight: when they end
        assertThat(metrics.dropped()).isEqualTo(1 + 10);
        window.delivered(10, 1, 1); // it arrived after all: delivered, not dropped
        window.failed(11, "timeout", null, true); // abandoned: no retry, dropped
        for (long s = 13; s < 20; s++) {
            window.delivered(s, 1, 1);
        }
        assertThat(metrics.entries()).isEqualTo(8);
        assertThat(metrics.dropped()).isEqualTo(12);
        assertThat(metrics.entries() + metrics.dropped()).isEqualTo(20);
        assertThat(window.confirmedBelow()).isEqualTo(30);
        assertThat(window.isSettledOrInFlight(25)).isTrue();
        assertThat(window.isSettledOrInFlight(30)).isFalse();
    }

    @Test
    void theWindowIsBoundedBehindTheOldestUnconfirmedMessage() {
        window.sending(10, 0);
        assertThat(window.hasRoomFor(10 + DeliveryWindow.CAPACITY - 1)).isTrue();
        assertThat(window.hasRoomFor(10 + DeliveryWindow.CAPACITY)).isFalse();
        window.delivered(10, 1, 1);
        assertThat(window.hasRoomFor(10 + DeliveryWindow.CAPACITY)).isTrue();
    }
}
