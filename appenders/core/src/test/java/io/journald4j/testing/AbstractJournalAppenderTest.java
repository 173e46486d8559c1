package io.journald4j.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field contract and failure behaviour every adapter must show against a real journald.
 *
 * <p>Each adapter's integration test extends this class and supplies a {@link ContractLogger}; an
 * adapter that maps a field differently from the others fails here. Entries are told apart by a
 * fresh {@code SYSLOG_IDENTIFIER} per test. The failsafe run sets {@code LANG=C}, so every test also
 * proves that text survives a non-UTF-8 platform charset.
 */
@RequiresJournald
public abstract class AbstractJournalAppenderTest {

    /** What a framework can carry besides message, level, logger, thread and throwable. */
    protected enum Capability {
        CONTEXT,
        KEY_VALUES,
        MARKERS
    }

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    protected static PrivateJournald journald;

    @BeforeAll
    static void startJournald() {
        journald = PrivateJournald.start();
    }

    @AfterAll
    static void stopJournald() {
        if (journald != null) {
            journald.close();
        }
    }

    /** Configures the adapter through its framework with {@code settings}. */
    protected abstract ContractLogger open(AdapterSettings settings);

    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    private static String uniqueIdentifier() {
        return "contract-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private AdapterSettings settings(String identifier) {
        return AdapterSettings.of(journald.socketPath(), identifier);
    }

    private JournalRecord logOne(AdapterSettings settings, ContractEvent event) {
        try (ContractLogger logger = open(settings)) {
            assertThat(logger.isStarted())
                    .as("adapter started; status: %s", logger.statusMessages())
                    .isTrue();
            logger.log("contract.Logger", event);
            assertThat(logger.droppedCount())
                    .as("dropped; status: %s", logger.statusMessages())
                    .isZero();
        }
        List<JournalRecord> entries = journald.awaitEntries("SYSLOG_IDENTIFIER", settings.syslogIdentifier, 1, ARRIVAL);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void shouldWriteTheContractFieldsOfAPlainEvent() {
        String id = uniqueIdentifier();
        long before = System.currentTimeMillis() * 1000;
        JournalRecord entry =
                logOne(settings(id).staticField("DEPLOYMENT=blue"), ContractEvent.info("order 42 placed"));
        long after = System.currentTimeMillis() * 1000;

        assertThat(entry.text("MESSAGE")).isEqualTo("order 42 placed");
        assertThat(entry.text("PRIORITY")).isEqualTo("6");
        assertThat(entry.text("SYSLOG_IDENTIFIER")).isEqualTo(id);
        assertThat(entry.text("LOGGER_NAME")).isEqualTo("contract.Logger");
        assertThat(entry.text("THREAD_NAME")).isEqualTo(Thread.currentThread().getName());
        assertThat(entry.text("DEPLOYMENT")).isEqualTo("blue");
        assertThat(Long.parseLong(entry.text("EVENT_TIME_USEC"))).isBetween(before - 1000, after + 1000);
        assertThat(entry.text("_TRANSPORT")).isEqualTo("journal");
        assertThat(entry.has("EXCEPTION_TYPE")).isFalse();
        assertThat(entry.has("CODE_FILE")).as("caller data is opt-in").isFalse();
    }

    @Test
    void shouldMapLevelsToSyslogPriorities() {
        String id = uniqueIdentifier();
        try (ContractLogger logger = open(settings(id))) {
            for (ContractEvent.Level level : ContractEvent.Level.values()) {
                logger.log("contract.Logger", ContractEvent.info(level.name()).at(level));
            }
        }
        List<JournalRecord> entries = journald.awaitEntries("SYSLOG_IDENTIFIER", id, 4, ARRIVAL);
        assertThat(entries)
                .extracting(e -> e.text("MESSAGE") + "=" + e.text("PRIORITY"))
                .containsExactlyInAnyOrder("ERROR=3", "WARN=4", "INFO=6", "DEBUG=7");
    }

    @Test
    void shouldDeliverNonAsciiTextExactlyUnderTheCLocale() {
        assertThat(System.getProperty("sun.jnu.encoding"))
                .as("the IT run must use LANG=C")
                .isNotEqualTo("UTF-8");
        String text = "grüße ✓ 日本語 \uD83D\uDE00 Ωmega";
        ContractEvent event = ContractEvent.info(text);
        if (capabilities().contains(Capability.CONTEXT)) {
            event = event.withContext("city", "Zürich");
        }
        JournalRecord entry = logOne(settings(uniqueIdentifier()), event);
        assertThat(entry.bytes("MESSAGE")).isEqualTo(text.getBytes(UTF_8));
        if (capabilities().contains(Capability.CONTEXT)) {
            assertThat(entry.text("CITY")).isEqualTo("Zürich");
        }
    }

    @Test
    void shouldKeepAMultiLineMessageWhole() {
        String text = "first line\nsecond line\n\nafter an empty line\n";
        JournalRecord entry = logOne(settings(uniqueIdentifier()), ContractEvent.info(text));
        assertThat(entry.text("MESSAGE")).isEqualTo(text);
    }

    @Test
    void shouldKeepEqualsSignsNulAndInvalidUtf8Exactly() {
        byte[] invalidUtf8 = {'a', (byte) 0xFF, (byte) 0xFE, 'b', (byte) 0xC3};
        ContractEvent event = ContractEvent.info("a=b==c\u0000d");
        if (capabilities().contains(Capability.CONTEXT)) {
            event = event.withContext("equation", "x=y=z");
        }
        if (capabilities().contains(Capability.KEY_VALUES)) {
            event = event.withKeyValue("raw", invalidUtf8);
        }
        JournalRecord entry = logOne(settings(uniqueIdentifier()), event);
        assertThat(entry.bytes("MESSAGE")).isEqualTo("a=b==c\u0000d".getBytes(UTF_8));
        if (capabilities().contains(Capability.CONTEXT)) {
            assertThat(entry.text("EQUATION")).isEqualTo("x=y=z");
        }
        if (capabilities().contains(Capability.KEY_VALUES)) {
            assertThat(entry.bytes("RAW")).isEqualTo(invalidUtf8);
        }
    }

    @Test
    void shouldNormaliseUserKeysAndNeverLetThemOverwriteContractFields() {
        if (!capabilities().contains(Capability.CONTEXT)) {
            return;
        }
        ContractEvent event = ContractEvent.info("keys")
                .withContext("user_id", "42")
                .withContext("http.method", "GET")
                .withContext("1st", "first")
                .withContext("priority", "0")
                .withContext("MESSAGE", "not the message");
        JournalRecord entry = logOne(settings(uniqueIdentifier()), event);
        assertThat(entry.text("USER_ID")).isEqualTo("42");
        assertThat(entry.text("HTTP_METHOD")).isEqualTo("GET");
        assertThat(entry.text("X1ST")).isEqualTo("first");
        assertThat(entry.text("PRIORITY")).isEqualTo("6");
        assertThat(entry.text("USER_PRIORITY")).isEqualTo("0");
        assertThat(entry.text("MESSAGE")).isEqualTo("keys");
        assertThat(entry.text("USER_MESSAGE")).isEqualTo("not the message");
    }

    @Test
    void shouldWriteKeyValuesMarkersAndMessageId() {
        ContractEvent event = ContractEvent.info("structured");
        if (capabilities().contains(Capability.KEY_VALUES)) {
            event = event.withKeyValue("order_id", 1234L)
                    .withKeyValue("message_id", "0D6F6A5E-6C3B-4C52-9E1D-3C8B0F0A7E21");
        }
        if (capabilities().contains(Capability.MARKERS)) {
            event = event.withMarker("AUDIT").withMarker("BILLING");
        }
        JournalRecord entry = logOne(settings(uniqueIdentifier()), event);
        if (capabilities().contains(Capability.KEY_VALUES)) {
            assertThat(entry.text("ORDER_ID")).isEqualTo("1234");
            assertThat(entry.text("MESSAGE_ID")).isEqualTo("0d6f6a5e6c3b4c529e1d3c8b0f0a7e21");
        }
        if (capabilities().contains(Capability.MARKERS)) {
            assertThat(entry.texts("MARKER")).containsExactlyInAnyOrder("AUDIT", "BILLING");
        }
    }

    @Test
    void shouldWriteTheWholeExceptionChain() {
        IllegalStateException root = new IllegalStateException("root cause");
        RuntimeException middle = new RuntimeException("middle", root);
        IllegalArgumentException top = new IllegalArgumentException("top level", middle);
        top.addSuppressed(new java.io.IOException("while closing"));
        JournalRecord entry = logOne(
                settings(uniqueIdentifier()),
                ContractEvent.info("failed").at(ContractEvent.Level.ERROR).withThrowable(top));
        assertThat(entry.text("EXCEPTION_TYPE")).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(entry.text("EXCEPTION_MESSAGE")).isEqualTo("top level");
        assertThat(entry.text("STACK_TRACE"))
                .startsWith("java.lang.IllegalArgumentException: top level\n\tat ")
                .contains("\tSuppressed: java.io.IOException: while closing")
                .contains("Caused by: java.lang.RuntimeException: middle")
                .contains("Caused by: java.lang.IllegalStateException: root cause")
                .doesNotEndWith("\n");
        assertThat(entry.text("PRIORITY")).isEqualTo("3");
    }

    @Test
    void shouldWriteCallerDataWhenEnabled() {
        String id = uniqueIdentifier();
        String implementation;
        try (ContractLogger logger = open(settings(id).callerData(true))) {
            implementation = logger.getClass().getName();
            logger.log("contract.Logger", ContractEvent.info("with caller"));
        }
        JournalRecord entry =
                journald.awaitEntries("SYSLOG_IDENTIFIER", id, 1, ARRIVAL).get(0);
        String simpleName = implementation.substring(implementation.lastIndexOf('.') + 1);
        assertThat(entry.text("CODE_FILE")).isEqualTo(simpleName.replaceAll("\\$.*", "") + ".java");
        assertThat(Integer.parseInt(entry.text("CODE_LINE"))).isPositive();
        assertThat(entry.text("CODE_FUNC")).isEqualTo(implementation + ".log");
    }

    @Test
    void shouldDeliverA10MegabyteMessageWhole() {
        StringBuilder text = new StringBuilder(10_000_000);
        while (text.length() < 10_000_000) {
            text.append("0123456789abcdefghijklmnopqrstuvwxyz äöü\n");
        }
        text.setLength(10_000_000);
        JournalRecord entry = logOne(settings(uniqueIdentifier()), ContractEvent.info(text.toString()));
        assertThat(entry.text("MESSAGE")).hasSize(text.length()).isEqualTo(text.toString());
    }

    @Test
    void shouldDropAndReportAnEntryLargerThanTheLimit() {
        String id = uniqueIdentifier();
        try (ContractLogger logger = open(settings(id).maxEntrySize(64 * 1024))) {
            assertThatCode(() -> logger.log("contract.Logger", ContractEvent.info("x".repeat(100_000))))
                    .doesNotThrowAnyException();
            logger.log("contract.Logger", ContractEvent.info("small"));
            assertThat(logger.droppedCount()).isEqualTo(1);
            assertThat(String.join("\n", logger.statusMessages())).contains("TOO_LARGE");
        }
        assertThat(journald.awaitEntries("SYSLOG_IDENTIFIER", id, 1, ARRIVAL))
                .extracting(e -> e.text("MESSAGE"))
                .containsExactly("small");
    }

    @Test
    void shouldDeliverEveryEventFromEightConcurrentThreads() throws Exception {
        String id = uniqueIdentifier();
        int threads = 8;
        int perThread = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ContractLogger logger = open(settings(id))) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        logger.log("contract.Logger", ContractEvent.info(thread + ":" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            assertThat(logger.droppedCount()).isZero();
        } finally {
            pool.shutdownNow();
        }
        List<JournalRecord> entries =
                journald.awaitEntries("SYSLOG_IDENTIFIER", id, threads * perThread, ARRIVAL.multipliedBy(2));
        Set<String> messages = new HashSet<>();
        entries.forEach(e -> messages.add(e.text("MESSAGE")));
        assertThat(messages).hasSize(threads * perThread);
    }

    @Test
    void shouldLoseNothingWithBlockWhenJournaldRestarts() throws Exception {
        String id = uniqueIdentifier();
        try (ContractLogger logger = open(settings(id).policy("block").blockTimeoutMillis(10_000))) {
            logBatch(logger, "before", 100);
            journald.awaitEntries("SYSLOG_IDENTIFIER", id, 100, ARRIVAL);
            journald.kill();
            ExecutorService app = Executors.newSingleThreadExecutor();
            try {
                Future<?> during = app.submit(() -> logBatch(logger, "during", 100));
                Thread.sleep(500);
                assertThat(during.isDone())
                        .as("block holds the caller while journald is down")
                        .isFalse();
                journald.restart();
                during.get(30, TimeUnit.SECONDS);
            } finally {
                app.shutdownNow();
            }
            logBatch(logger, "after", 100);
            assertThat(logger.droppedCount())
                    .as("status: %s", logger.statusMessages())
                    .isZero();
        }
        assertThat(journald.awaitEntries("SYSLOG_IDENTIFIER", id, 300, ARRIVAL)).hasSize(300);
    }

    /**
     * {@code drop} must not stall and must count every loss exactly. journald's queue is short (11
     * datagrams on hosts without systemd as PID 1), so even the phases with journald up may lose
     * entries to a full queue; the events are paced to keep that rare, and the count covers it anyway.
     */
    @Test
    void shouldCountExactlyWhatDropLosesWhenJournaldRestarts() throws Exception {
        String id = uniqueIdentifier();
        int total = 0;
        long dropped;
        try (ContractLogger logger = open(settings(id).policy("drop"))) {
            total += logPaced(logger, "before", 100);
            journald.awaitEntries("SYSLOG_IDENTIFIER", id, (int) (total - logger.droppedCount()), ARRIVAL);
            journald.kill();
            long start = System.nanoTime();
            long droppedBefore = logger.droppedCount();
            total += logBatch(logger, "during", 100);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("drop never stalls")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(logger.droppedCount() - droppedBefore)
                    .as("everything logged while journald is down")
                    .isEqualTo(100);
            journald.restart();
            total += logPaced(logger, "after", 100);
            Thread.sleep(1500);
            total += logPaced(logger, "later", 100);
            dropped = logger.droppedCount();
            assertThat(String.join("\n", logger.statusMessages())).contains("UNAVAILABLE");
        }
        int expected = (int) (total - dropped);
        List<JournalRecord> entries = journald.awaitEntries("SYSLOG_IDENTIFIER", id, expected, ARRIVAL);
        Thread.sleep(500);
        assertThat(journald.count("SYSLOG_IDENTIFIER", id)).isEqualTo(expected).isEqualTo(entries.size());
        assertThat(entries).extracting(e -> e.text("MESSAGE")).anyMatch(m -> m.startsWith("later "));
    }

    @Test
    void shouldDeliverOnceTheSocketAppearsAfterStart() throws Exception {
        String id = uniqueIdentifier();
        journald.kill();
        Path socket = journald.socketPath();
        Files.deleteIfExists(socket);
        try (ContractLogger logger = open(settings(id).policy("block").blockTimeoutMillis(10_000))) {
            assertThat(logger.isStarted())
                    .as("an absent socket is no configuration error")
                    .isTrue();
            ExecutorService app = Executors.newSingleThreadExecutor();
            try {
                Future<?> waiting = app.submit(() -> logBatch(logger, "early", 10));
                Thread.sleep(300);
                journald.restart();
                waiting.get(30, TimeUnit.SECONDS);
            } finally {
                app.shutdownNow();
            }
            assertThat(logger.droppedCount()).isZero();
        }
        assertThat(journald.awaitEntries("SYSLOG_IDENTIFIER", id, 10, ARRIVAL)).hasSize(10);
    }

    @Test
    void shouldReportBadConfigurationWithoutThrowingIntoTheApplication() {
        String id = uniqueIdentifier();
        List<AdapterSettings> bad = List.of(
                settings(id).policy("sometimes"),
                settings(id).staticField("bad-name=1"),
                settings(id).staticField("PRIORITY=1"),
                AdapterSettings.of(Paths.get("/nonexistent/" + "x".repeat(120)), id));
        for (AdapterSettings settings : bad) {
            try (ContractLogger logger = open(settings)) {
                assertThatCode(() -> logger.log("contract.Logger", ContractEvent.info("ignored")))
                        .doesNotThrowAnyException();
                assertThat(logger.isStarted()).isFalse();
                assertThat(logger.statusMessages()).isNotEmpty();
            }
        }
    }

    @Test
    void shouldNeverThrowWhenTheSocketDoesNotExist() {
        String id = uniqueIdentifier();
        AdapterSettings settings = AdapterSettings.of(Paths.get("/run/journald4j-test-absent/socket"), id)
                .policy("drop");
        try (ContractLogger logger = open(settings)) {
            assertThat(logger.isStarted()).isTrue();
            for (int i = 0; i < 50; i++) {
                int n = i;
                assertThatCode(() -> logger.log("contract.Logger", ContractEvent.info("lost " + n)))
                        .doesNotThrowAnyException();
            }
            assertThat(logger.droppedCount()).isEqualTo(50);
            assertThat(String.join("\n", logger.statusMessages())).contains("UNAVAILABLE");
        }
    }

    private static int logPaced(ContractLogger logger, String phase, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            logger.log("contract.Logger", ContractEvent.info(phase + " " + i));
            Thread.sleep(1);
        }
        return count;
    }

    private static int logBatch(ContractLogger logger, String phase, int count) {
        for (int i = 0; i < count; i++) {
            logger.log("contract.Logger", ContractEvent.info(phase + " " + i));
        }
        return count;
    }
}
