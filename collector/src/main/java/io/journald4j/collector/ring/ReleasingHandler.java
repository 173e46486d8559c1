package io.journald4j.collector.ring;

import com.lmax.disruptor.EventHandler;
import java.util.concurrent.CountDownLatch;

/**
 * Wraps an output so that it {@linkplain EntrySlot#release() releases} each slot when done with it,
 * whatever the output does: outputs need not remember, and no extra handler thread has to wait
 * behind them to clean up.
 */
final class ReleasingHandler implements EventHandler<EntrySlot> {

    private final EventHandler<EntrySlot> output;
    private final CountDownLatch closed;

    /** @param closed counted down once the output's {@code onShutdown} has returned */
    ReleasingHandler(EventHandler<EntrySlot> output, CountDownLatch closed) {
        this.output = output;
        this.closed = closed;
    }

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) throws Exception {
        try {
            output.onEvent(slot, sequence, endOfBatch);
        } finally {
            slot.release();
        }
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        output.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onStart() {
        output.onStart();
    }

    @Override
    public void onShutdown() {
        try {
            output.onShutdown();
        } finally {
            closed.countDown();
        }
    }

    @Override
    public void onTimeout(long sequence) throws Exception {
        output.onTimeout(sequence);
    }
}
