package io.journald4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.journald4j.testing.JournalDatagramReceiver;
import io.journald4j.testing.ReceivedDatagram;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler's JUL-specific mapping and failure behaviour, against a plain datagram receiver. */
class JournaldHandlerTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(10);

    private JournalDatagramReceiver receiver;
    private final CollectingErrorManager errors = new CollectingErrorManager();

    @BeforeEach
    void openReceiver() {
        receiver = JournalDatagramReceiver.open();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private JournaldHandlerBuilder settings() {
        return JournaldHandler.builder()
                .errorManager(errors)
                .socketPath(receiver.socketPath().toString())
                .syslogIdentifier("unit");
    }

    /** Publishes each record through a fresh handler and returns the fields of the entries that arrived. */
    private Map<String, String> publishOne(JournaldHandlerBuilder settings, LogRecord record) {
        JournaldHandler handler = settings.build();
        try {
            handler.publish(record);
            assertThat(handler.getDroppedCount())
                    .as("dropped; errors: %s", errors.messages)
                    .isZero();
        } finally {
            handler.close();
        }
        List<ReceivedDatagram> datagrams = receiver.awaitDatagrams(1, ARRIVAL);
        assertThat(datagrams).hasSize(1);
        return EntryFields.of(datagrams.get(0));
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("unit.Logger");
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }

    @Test
    void shouldWriteTheMessageWithItsParametersAppliedNotAFormattedLine() {
        Map<String, String> fields = publishOne(settings(), record(Level.INFO, "order {0} placed by {1}", 42, "ann"));
        assertThat(fields.get("MESSAGE")).isEqualTo("order 42 placed by ann");
        assertThat(fields.get("PRIORITY")).isEqualTo("6");
        assertThat(fields.get("LOGGER_NAME")).isEqualTo("unit.Logger");
        assertThat(fields.get("SYSLOG_IDENTIFIER")).isEqualTo("unit");
    }

    @Test
    void shouldApplyTheResourceBundleAndItsParameters() {
        LogRecord record = record(Level.WARNING, "greeting", "Zürich");
        record.setResourceBundle(new TestMessages());
        assertThat(publishOne(settings(), record).get("MESSAGE")).isEqualTo("Grüße aus Zürich");
    }

    @Test
    void shouldLookUpABundleKeyWithoutParameters() {
        LogRecord record = record(Level.INFO, "plain");
        record.setResourceBundle(new TestMessages());
        assertThat(publishOne(settings(), record).get("MESSAGE")).isEqualTo("ohne Parameter");
    }

    @Test
    void shouldLeaveBracesAloneWhenThereAreNoParameters() {
        assertThat(publishOne(settings(), record(Level.INFO, "{0} stays, as in JUL"))
                        .get("MESSAGE"))
                .isEqualTo("{0} stays, as in JUL");
    }

    @Test
    void shouldWriteAnEmptyMessageForANullOne() {
        assertThat(publishOne(settings(), record(Level.INFO, null)).get("MESSAGE"))
                .isEmpty();
    }

    @Test
    void shouldUseAConfiguredFormatterWithoutItsLineSeparator() {
        Formatter formatter = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "[" + record.getLevel() + "] " + formatMessage(record) + "\r\n";
            }
        };
        Map<String, String> fields = publishOne(settings().formatter(formatter), record(Level.INFO, "n={0}", 7));
        assertThat(fields.get("MESSAGE")).isEqualTo("[INFO] n=7");
    }

    @Test
    void shouldStripOnlyTheLastLineSeparatorOfASimpleFormatterLine() {
        LogRecord record = record(Level.INFO, "two lines\n");
        String line = new SimpleFormatter().format(record);
        assertThat(publishOne(settings().formatter(new SimpleFormatter()), record)
                        .get("MESSAGE"))
                .isEqualTo(MessageText.withoutLineSeparator(line))
                .endsWith("two lines\n")
                .contains("INFO");
    }

    @Test
    void shouldTakeEventTimeFromTheRecordsInstantToTheMicrosecond() {
        LogRecord record = record(Level.INFO, "timed");
        record.setInstant(Instant.parse("2020-01-02T03:04:05.123456789Z"));
        assertThat(publishOne(settings(), record).get("EVENT_TIME_USEC")).isEqualTo("1577934245123456");
    }

    @Test
    void shouldWriteTheThreadNameOnlyWhenPublishedOnTheLoggingThread() throws Exception {
        LogRecord mine = record(Level.INFO, "mine");
        assertThat(publishOne(settings(), mine).get("THREAD_NAME"))
                .isEqualTo(Thread.currentThread().getName());

        LogRecord handedOver = CompletableFuture.supplyAsync(() -> record(Level.INFO, "elsewhere"))
                .get();
        receiver.close();
        receiver = JournalDatagramReceiver.open();
        Map<String, String> fields = publishOne(settings(), handedOver);
        assertThat(fields).containsEntry("MESSAGE", "elsewhere").doesNotContainKey("THREAD_NAME");
    }

    @Test
    void shouldFindTheCallersFileAndLineOnTheStack() {
        JournaldHandler handler = settings().includeCallerData(true).build();
        Logger logger = Logger.getLogger("unit.caller");
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        int line;
        try {
            line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            logger.info("with caller");
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
            handler.close();
        }
        Map<String, String> fields =
                EntryFields.of(receiver.awaitDatagrams(1, ARRIVAL).get(0));
        assertThat(fields.get("CODE_FILE")).isEqualTo("JournaldHandlerTest.java");
        assertThat(fields.get("CODE_LINE")).isEqualTo(String.valueOf(line));
        assertThat(fields.get("CODE_FUNC"))
                .isEqualTo(JournaldHandlerTest.class.getName() + ".shouldFindTheCallersFileAndLineOnTheStack");
    }

    @Test
    void shouldWriteOnlyTheFunctionForASourceThatIsNotOnTheStack() {
        LogRecord record = record(Level.INFO, "explicit source");
        record.setSourceClassName("com.example.Billing");
        record.setSourceMethodName("charge");
        Map<String, String> fields = publishOne(settings().includeCallerData(true), record);
        assertThat(fields)
                .containsEntry("CODE_FUNC", "com.example.Billing.charge")
                .doesNotContainKeys("CODE_FILE", "CODE_LINE");
    }

    @Test
    void shouldLeaveCallerDataOutByDefault() {
        LogRecord record = record(Level.INFO, "no caller");
        record.setSourceClassName("com.example.Billing");
        record.setSourceMethodName("charge");
        assertThat(publishOne(settings(), record)).doesNotContainKeys("CODE_FILE", "CODE_LINE", "CODE_FUNC");
    }

    @Test
    void shouldWriteTheExceptionAndLeaveTheStackTraceOutWhenAskedTo() {
        LogRecord record = record(Level.SEVERE, "failed");
        record.setThrown(new IllegalStateException("broken", new RuntimeException("cause")));
        Map<String, String> full = publishOne(settings(), record);
        assertThat(full.get("EXCEPTION_TYPE")).isEqualTo("java.lang.IllegalStateException");
        assertThat(full.get("EXCEPTION_MESSAGE")).isEqualTo("broken");
        assertThat(full.get("STACK_TRACE"))
                .startsWith("java.lang.IllegalStateException: broken\n\tat ")
                .contains("Caused by: java.lang.RuntimeException: cause");
        assertThat(full.get("PRIORITY")).isEqualTo("3");

        receiver.close();
        receiver = JournalDatagramReceiver.open();
        Map<String, String> brief = publishOne(settings().includeStackTrace(false), record);
        assertThat(brief)
                .containsEntry("EXCEPTION_TYPE", "java.lang.IllegalStateException")
                .doesNotContainKey("STACK_TRACE");
    }

    @Test
    void shouldWriteFacilityStaticFieldsAndMappedPriorities() {
        Map<String, String> fields = publishOne(
                settings()
                        .syslogFacility("local3")
                        .staticField("DEPLOYMENT=blue")
                        .priorityMapping("WARNING=notice"),
                record(Level.WARNING, "careful"));
        assertThat(fields)
                .containsEntry("SYSLOG_FACILITY", "19")
                .containsEntry("DEPLOYMENT", "blue")
                .containsEntry("PRIORITY", "5");
    }

    @Test
    void shouldHonourTheHandlersLevelAndFilterWithoutCountingDrops() {
        JournaldHandler handler = settings()
                .level(Level.WARNING)
                .filter(r -> !r.getMessage().contains("secret"))
                .build();
        try {
            handler.publish(record(Level.INFO, "below the level"));
            handler.publish(record(Level.SEVERE, "a secret"));
            handler.publish(record(Level.SEVERE, "passes"));
            assertThat(handler.getDroppedCount()).isZero();
        } finally {
            handler.close();
        }
        List<ReceivedDatagram> datagrams = receiver.awaitDatagrams(1, ARRIVAL);
        assertThat(datagrams).hasSize(1);
        assertThat(EntryFields.of(datagrams.get(0))).containsEntry("MESSAGE", "passes");
    }

    @Test
    void shouldDropCountAndReportWhatItCannotFormatWithoutThrowing() {
        Formatter broken = new Formatter() {
            @Override
            public String format(LogRecord record) {
                throw new IllegalStateException("formatter bug");
            }
        };
        JournaldHandler handler = settings().formatter(broken).build();
        try {
            assertThatCode(() -> handler.publish(record(Level.INFO, "unformattable")))
                    .doesNotThrowAnyException();
            assertThat(handler.getDroppedCount()).isEqualTo(1);
        } finally {
            handler.close();
        }
        assertThat(errors.messages)
                .singleElement()
                .asString()
                .contains("IO_ERROR")
                .contains("formatter bug");
        assertThat(errors.codes).containsExactly(ErrorManager.WRITE_FAILURE);
    }

    @Test
    void shouldReportDropsToTheErrorManagerWhenTheJournalIsAbsent() {
        JournaldHandler handler = settings()
                .socketPath("/run/journald4j-test-absent/socket")
                .policy("drop")
                .build();
        try {
            assertThat(handler.isStarted())
                    .as("an absent socket is no configuration error")
                    .isTrue();
            for (int i = 0; i < 5; i++) {
                handler.publish(record(Level.INFO, "lost " + i));
            }
            assertThat(handler.getDroppedCount()).isEqualTo(5);
            assertThat(handler.getStatistics().dropped()).isEqualTo(5);
        } finally {
            handler.close();
        }
        assertThat(errors.codes).contains(ErrorManager.GENERIC_FAILURE, ErrorManager.WRITE_FAILURE);
        assertThat(String.join("\n", errors.messages))
                .contains("not reachable yet")
                .contains("UNAVAILABLE")
                .as("the close flushes the pending count")
                .contains("5 dropped in all");
    }

    @Test
    void shouldStopSendingAfterCloseAndCountWhatArrivesLater() {
        JournaldHandler handler = settings().build();
        handler.publish(record(Level.INFO, "before close"));
        handler.close();
        handler.close();
        assertThat(handler.isStarted()).isFalse();
        assertThatCode(() -> handler.publish(record(Level.INFO, "after close"))).doesNotThrowAnyException();
        assertThat(handler.getDroppedCount()).isEqualTo(1);
        assertThat(handler.getStatistics().delivered()).isEqualTo(1);
        assertThat(receiver.awaitDatagrams(2, Duration.ofMillis(300))).hasSize(1);
    }
}
