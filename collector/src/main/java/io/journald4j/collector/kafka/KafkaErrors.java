package io.journald4j.collector.kafka;

import java.util.Locale;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** How the kafka output reads a producer exception: its metric reason, and what to do about it. */
final class KafkaErrors {

    private KafkaErrors() {}

    /** {@code TimeoutException} → {@code timeout}, {@code NotLeaderOrFollowerException} → {@code not_leader_or_follower}. */
    static String reason(Throwable e) {
        String simple = e.getClass().getSimpleName().replaceFirst("Exception$", "");
        if (simple.isEmpty()) {
            return "unknown";
        }
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether sending the same record again can succeed. Only faults of the record itself are
     * final; an outage, a missing topic, even missing permissions may be repaired while the record
     * waits in the spool.
     */
    static boolean retriable(Throwable e) {
        return !(e instanceof RecordTooLargeException
                || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException
                || e instanceof SerializationException);
    }

    /** Whether the producer can no longer be used and must be replaced. */
    static boolean fatalToProducer(Throwable e) {
        return e instanceof ProducerFencedException
                || e instanceof OutOfOrderSequenceException
                || e instanceof AuthenticationException
                || e instanceof AuthorizationException
                || e instanceof UnsupportedVersionException
                || e instanceof IllegalStateException;
    }
}
