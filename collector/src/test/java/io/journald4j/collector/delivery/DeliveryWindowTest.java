package io.journald4j.collector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.collector.delivery.DeliveryWindow.Claim;
import io.journald4j.collector.metrics.CollectorMetrics;
import io.journald4j.collector.metrics.OutputMetrics;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DeliveryWindowTest {

    private final OutputMetrics metrics = new CollectorMetrics().output("kafka:test");
    private final DeliveryWindow window = new DeliveryWindow(10, metrics);

    private void sendAll(long from, long to) {
        for (long s = from; s < to; s++) {
            assertThat(window.claim(s, 1000 + s)).isEqualTo(Claim.FIRST);
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
        assertThat(window.claim(12, 0)).as("delivered: skipped on the reread").isEqualTo(Claim.SKIP);
        Thread.sleep(150);
        assertThat(window.takeDueRetry()).isTrue();
        assertThat(window.takeDueRetry()).isFalse();
        assertThat(window.claim(11, 1011)).as("a resend").isEqualTo(Claim.AGAIN);
        assertThat(window.claim(11, 1011)).as("in flight again").isEqualTo(Claim.SKIP);
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
        assertThat(window.claim(25, 0)).as("dropped, never to be sent").isEqualTo(Claim.SKIP);
        assertThat(window.claim(12, 0)).isEqualTo(Claim.SKIP);
        window.delivered(10, 1, 1); // it arrived after all: delivered, not dropped
        window.failed(11, "timeout", null, true); // abandoned: no retry, dropped
        for (long s = 13; s < 20; s++) {
            window.delivered(s, 1, 1);
        }
        assertThat(metrics.entries()).isEqualTo(8);
        assertThat(metrics.dropped()).isEqualTo(12);
        assertThat(metrics.entries() + metrics.dropped()).isEqualTo(20);
        assertThat(window.confirmedBelow()).isEqualTo(30);
        assertThat(window.claim(30, 0)).isEqualTo(Claim.FIRST);
    }

    @Test
    void theWindowIsBoundedBehindTheOldestUnconfirmedMessage() {
        assertThat(window.claim(10, 0)).isEqualTo(Claim.FIRST);
        for (long s = 11; s < 10 + DeliveryWindow.CAPACITY; s++) {
            assertThat(window.claim(s, 0)).isEqualTo(Claim.FIRST);
        }
        assertThat(window.claim(10 + DeliveryWindow.CAPACITY, 0)).isEqualTo(Claim.NO_ROOM);
        window.delivered(10, 1, 1);
        assertThat(window.claim(10 + DeliveryWindow.CAPACITY, 0)).isEqualTo(Claim.FIRST);
    }

    @Test
    void sequencesMissingFromTheSpoolAreCountedAsCorruptAndAGapWiderThanTheWindowIsJumped() {
        sendAll(10, 12);
        assertThat(window.claim(15, 0)).as("13 and 14 were cut off").isEqualTo(Claim.FIRST);
        assertThat(metrics.spoolDropped("corrupt")).isEqualTo(3);
        long far = 16 + 5L * DeliveryWindow.CAPACITY;
        assertThat(window.claim(far, 0)).as("wait while messages are in flight").isEqualTo(Claim.NO_ROOM);
        window.delivered(10, 1, 1);
        window.delivered(11, 1, 1);
        window.delivered(15, 1, 1);
        assertThat(window.claim(far, 0)).isEqualTo(Claim.FIRST);
        assertThat(metrics.spoolDropped("corrupt")).isEqualTo(3 + far - 16);
        assertThat(metrics.dropped()).isEqualTo(metrics.spoolDropped("corrupt"));
        window.delivered(far, 1, 1);
        assertThat(window.confirmedBelow()).isEqualTo(far + 1);
    }
}
