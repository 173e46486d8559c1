package io.journald4j.collector.kafka;

import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.delivery.Destination;
import io.journald4j.collector.delivery.Outcomes;
import io.journald4j.collector.output.EntryWriter;
import io.journald4j.collector.output.HostFields;
import io.journald4j.collector.output.JournalExportWriter;
import io.journald4j.collector.output.JournalJsonWriter;
import io.journald4j.protocol.DecodeListener;
import io.journald4j.protocol.DecodedEntry;
import io.journald4j.protocol.JournalDecoder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes each entry of a message as one kafka record: value in the collector's JSON shape (or
 * the export format), key per {@link RecordKey}, timestamp the entry's {@code __REALTIME_TIMESTAMP}.
 *
 * <p>The producer batches and acknowledges on its own I/O thread; each message's outcome reaches
 * the {@link Outcomes} from there. {@code send} blocks at most {@code max.block.ms} (no metadata
 * yet, a full producer buffer). A producer that hit a fatal error (fenced, authentication) is
 * closed and replaced before the next send.
 */
public final class KafkaDestination implements Destination, DecodeListener {

    private final KafkaSettings settings;
    private final RecordKey key;
    private final EntryWriter writer;
    private final boolean json;
    private final Function<KafkaSettings, Producer<byte[], byte[]>> producers;
    private final DaemonLog log;
    private final JournalDecoder decoder = new JournalDecoder();
    private Producer<byte[], byte[]> producer;
    private volatile Exception fatal;

    private MessageDelivery current;
    private long currentMicros;

    /** A destination with a real {@link KafkaProducer}. */
    public static KafkaDestination create(KafkaSettings settings, HostFields host, DaemonLog log) {
        String clientId = "journald4j-collector-" + (host.hostname() == null ? "unknown" : host.hostname());
        return new KafkaDestination(settings, host, s -> new KafkaProducer<>(s.producerProperties(clientId)), log);
    }

    KafkaDestination(
            KafkaSettings settings,
            HostFields host,
            Function<KafkaSettings, Producer<byte[], byte[]>> producers,
            DaemonLog log) {
        this.settings = settings;
        this.key = RecordKey.parse(settings.key(), host.hostname());
        this.json = "json".equals(settings.format());
        this.writer = json ? new JournalJsonWriter(host) : new JournalExportWriter(host);
        this.producers = producers;
        this.log = log;
        this.producer = producers.apply(settings);
    }

    @Override
    public void send(long sequence, ByteBuffer message, long receivedMicros, Outcomes outcomes) {
        if (fatal != null) {
            try {
                replaceProducer();
            } catch (KafkaException e) {
                // A new producer could not be built (bootstrap names do not resolve, say): try again next time.
                outcomes.failed(sequence, "producer_unavailable", e, true);
                return;
            }
        }
        current = new MessageDelivery(sequence, outcomes, this);
        currentMicros = receivedMicros;
        try {
            decoder.decode(message, this);
        } finally {
            MessageDelivery done = current;
            current = null;
            done.allSent();
        }
    }

    @Override
    public void onEntry(DecodedEntry entry) {
        writer.write(entry, currentMicros);
        int length = json ? writer.size() - 1 : writer.size(); // a record needs no line break
        byte[] value = Arrays.copyOf(writer.bytes(), length);
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(settings.target().topic(), null, currentMicros / 1000, key.keyFor(entry), value);
        MessageDelivery delivery = current;
        delivery.adding(length);
        try {
            producer.send(record, delivery);
        } catch (KafkaException | IllegalStateException e) {
            delivery.onCompletion(null, e);
        }
    }

    /** Called from the producer's thread: a fatal error makes the next send replace the producer. */
    void noticeFailure(Exception failure) {
        if (KafkaErrors.fatalToProducer(failure)) {
            fatal = failure;
        }
    }

    private void replaceProducer() {
        if (producer != null) {
            log.error(describe() + ": the producer failed for good (" + fatal + "); replacing it", null);
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                log.error(describe() + ": closing the failed producer", e);
            }
            producer = null;
        }
        producer = producers.apply(settings);
        fatal = null;
    }

    @Override
    public void flush(Outcomes outcomes) {
        // The producer sends on its own after linger.ms; nothing is held back here.
    }

    @Override
    public void close(Duration timeout) {
        if (producer == null) {
            return;
        }
        try {
            producer.close(timeout);
        } catch (KafkaException e) {
            log.error(describe() + ": closing the producer", e);
        }
    }

    @Override
    public String describe() {
        return "kafka:" + settings.target();
    }
}
