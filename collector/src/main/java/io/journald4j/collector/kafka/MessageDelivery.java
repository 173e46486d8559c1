package io.journald4j.collector.kafka;

import io.journald4j.collector.delivery.Outcomes;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The outcome of one received message, which becomes one kafka record per entry: delivered when
 * every record is acknowledged, failed (as a whole, to be resent whole) if any is not. One callback
 * object serves all the message's records.
 */
final class MessageDelivery implements Callback {

    private final long sequence;
    private final Outcomes outcomes;
    private final KafkaDestination destination;
    /** Records without an outcome, plus one held by the sending thread until it has sent them all. */
    private final AtomicInteger pending = new AtomicInteger(1);

    private int entries;
    private long bytes;
    private volatile Exception failure;

    MessageDelivery(long sequence, Outcomes outcomes, KafkaDestination destination) {
        this.sequence = sequence;
        this.outcomes = outcomes;
        this.destination = destination;
    }

    /** Called by the sending thread before each record's send. */
    void adding(int valueBytes) {
        pending.incrementAndGet();
        entries++;
        bytes += valueBytes;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null && failure == null) {
            failure = exception;
        }
        finishOne();
    }

    /** Called by the sending thread once every record of the message was handed to the producer. */
    void allSent() {
        finishOne();
    }

    private void finishOne() {
        if (pending.decrementAndGet() != 0) {
            return;
        }
        Exception failed = failure;
        if (failed == null) {
            outcomes.delivered(sequence, entries, bytes);
        } else {
            destination.noticeFailure(failed);
            outcomes.failed(sequence, KafkaErrors.reason(failed), failed, KafkaErrors.retriable(failed));
        }
    }
}
