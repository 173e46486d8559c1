package io.journald4j.collector.ring;

import com.lmax.disruptor.EventHandler;

/**
 * Runs after every output and clears the slot, so a large message's array is released as soon as
 * all outputs have written it rather than when the ring wraps around to that slot again.
 */
final class SlotClearingHandler implements EventHandler<EntrySlot> {

    /** The last sequence every output has finished; the drain waits for it to reach the cursor. */
    private volatile long finished = -1;

    @Override
    public void onEvent(EntrySlot slot, long sequence, boolean endOfBatch) {
        slot.clear();
        finished = sequence;
    }

    long finished() {
        return finished;
    }
}
