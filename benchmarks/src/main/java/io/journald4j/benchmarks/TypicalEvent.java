package io.journald4j.benchmarks;

import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.JournalField;
import io.journald4j.protocol.Priority;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event every benchmark sends, so that figures from different harnesses describe the same work:
 * a message of about 100 bytes, the contract fields, and three MDC entries.
 */
final class TypicalEvent {

    static final String LOGGER_NAME = "com.example.orders.ShipmentService";
    static final String THREAD_NAME = "http-nio-8080-exec-7";

    /** 99 ASCII characters (about 100 bytes) once {@code {}} is replaced by an 8-digit order number. */
    static final String MESSAGE_PATTERN =
            "Order {} shipped to warehouse eu-central-1 after payment confirmation; carrier=DHL, parcels=3";

    /** MDC entries as an application would set them; both appenders upper-case the keys. */
    static final Map<String, String> MDC = Map.of(
            "request_id", "7f3c9a2e-4b1d-4e8a-9c2f-1a2b3c4d5e6f",
            "tenant", "acme-corp",
            "user_id", "alice.smith");

    private static final String ASCII_FILLER = "Order 12345678 shipped to warehouse eu-central-1, carrier=DHL. ";
    private static final String NON_ASCII_FILLER = "Bestellung 12345678 nach München versandt – Größe ✓, 東京. ";

    /** Eight digits for a long time, so that every formatted message has the same length. */
    private static final AtomicLong NEXT_ORDER_NUMBER = new AtomicLong(10_000_000L);

    private TypicalEvent() {}

    /**
     * Reserves {@code count} order numbers no other source uses: journald stores a repeated value once,
     * so messages repeated across variants or rounds would make later ones cheaper to store.
     */
    static long reserveOrderNumbers(long count) {
        return NEXT_ORDER_NUMBER.getAndAdd(count);
    }

    /** A message of exactly {@code length} chars built from ASCII or mixed 2- and 3-byte UTF-8 text. */
    static String message(int length, boolean nonAscii) {
        String filler = nonAscii ? NON_ASCII_FILLER : ASCII_FILLER;
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(filler, 0, Math.min(filler.length(), length - text.length()));
        }
        return text.toString();
    }

    /** The formatted message for order {@code orderNumber}, as Logback would render MESSAGE_PATTERN. */
    static String formattedMessage(long orderNumber) {
        return MESSAGE_PATTERN.replace("{}", Long.toString(orderNumber));
    }

    /** Writes the whole typical entry the way the appenders do, field for field. */
    static void encode(JournalEncoder encoder, CharSequence message, String syslogIdentifier, long eventTimeMicros) {
        encoder.reset()
                .field(JournalField.MESSAGE, message)
                .priority(Priority.INFO)
                .field(JournalField.SYSLOG_IDENTIFIER, syslogIdentifier)
                .field(JournalField.LOGGER_NAME, LOGGER_NAME)
                .field(JournalField.THREAD_NAME, THREAD_NAME)
                .field(JournalField.EVENT_TIME_USEC, eventTimeMicros)
                .field("REQUEST_ID", MDC.get("request_id"))
                .field("TENANT", MDC.get("tenant"))
                .field("USER_ID", MDC.get("user_id"));
    }

    /** A standalone copy of one encoded typical entry, for senders that replay the same bytes. */
    static ByteBuffer encodedCopy(String syslogIdentifier) {
        JournalEncoder encoder = new JournalEncoder();
        encode(encoder, formattedMessage(12_345_678L), syslogIdentifier, System.currentTimeMillis() * 1000);
        ByteBuffer entry = encoder.entry();
        byte[] copy = new byte[entry.remaining()];
        entry.get(copy);
        // A heap buffer, like the encoder's: junixsocket then copies it exactly as it does for the appender.
        return ByteBuffer.wrap(copy);
    }
}
