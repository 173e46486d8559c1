package io.journald4j.collector.ring;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.DaemonLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IngestRingTest {

    /** An output that holds its first entry until released, so the ring fills behind it. */
    private static final class StalledOutput implements EventHandler<EntrySlot> {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger handled = new AtomicInteger();

        @Override
        public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) throws InterruptedException {
            release.await(30, TimeUnit.SECONDS);
            handled.incrementAndGet();
        }
    }

    @Test
    void shouldCountExactlyWhatAFullRingDropsUnderDrop() {
        StalledOutput output = new StalledOutput();
        IngestRing ring = IngestRing.start(
                64 * 1024,
                1024,
                RingFullPolicy.DROP,
                List.of(output),
                new ReportingExceptionHandler(new DaemonLog()),
                Duration.ofMillis(10),
                Thread::new);
        assertThat(ring.capacity()).isEqualTo(IngestRing.MIN_SLOTS);
        ByteBuffer message = ByteBuffer.wrap("MESSAGE=x\n".getBytes(StandardCharsets.UTF_8));
        int offered = 200;
        int accepted = 0;
        for (int i = 0; i < offered; i++) {
            accepted += ring.publish(message, i) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(ring.capacity());
        output.release.countDown();
        assertThat(ring.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(output.handled.get()).isEqualTo(accepted);
    }

    @Test
    void shouldWaitForASlotUnderBlock() throws Exception {
        StalledOutput output = new StalledOutput();
        IngestRing ring = IngestRing.start(
                64 * 1024,
                1024,
                RingFullPolicy.BLOCK,
                List.of(output),
                new ReportingExceptionHandler(new DaemonLog()),
                Duration.ofMillis(10),
                Thread::new);
        ByteBuffer message = ByteBuffer.wrap("MESSAGE=x\n".getBytes(StandardCharsets.UTF_8));
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                ring.publish(message, i);
            }
        });
        producer.start();
        producer.join(300);
        assertThat(producer.isAlive()).as("blocked on the full ring").isTrue();
        output.release.countDown();
        producer.join(10_000);
        assertThat(ring.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(output.handled.get()).isEqualTo(100);
    }

    @Test
    void shouldLetGoOfALargeMessageOnlyAfterEveryOutputReleasedIt() {
        EntrySlot slot = new EntrySlot(512, 2);
        slot.fill(ByteBuffer.wrap(new byte[5000]), 1);
        slot.release();
        assertThat(slot.view()).as("one output still reading").isNotNull();
        assertThat(slot.bytes()).hasSize(5000);
        slot.release();
        assertThat(slot.view()).isNull();
        assertThat(slot.bytes()).hasSize(512);
    }

    @Test
    void shouldSizeTheRingFromTheMemoryBudget() {
        assertThat(IngestRing.slotCount(64L * 1024 * 1024, 4096)).isEqualTo(16384);
        assertThat(IngestRing.slotCount(100L * 1024 * 1024, 4096)).isEqualTo(16384);
        assertThat(IngestRing.slotCount(1024, 4096)).isEqualTo(IngestRing.MIN_SLOTS);
    }

    @Test
    void shouldKeepLargeMessagesWholeInOverflowArrays() {
        EntrySlot slot = new EntrySlot(512);
        byte[] big = new byte[5000];
        big[4999] = 7;
        slot.fill(ByteBuffer.wrap(big), 1);
        assertThat(slot.length()).isEqualTo(5000);
        assertThat(slot.view().get(4999)).isEqualTo((byte) 7);
        slot.release();
        slot.fill(ByteBuffer.wrap(new byte[10]), 2);
        assertThat(slot.bytes()).hasSize(512);
    }
}
