package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journald4j.log4j.support.DecodedFields;
import io.journald4j.testing.JournalDatagramReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.spi.MutableThreadContextStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Log4j appender writes for Log4j's own event features, read back from a plain datagram socket. */
class JournalAppenderTest {

    private JournalDatagramReceiver receiver;

    @BeforeEach
    void openReceiver() {
        receiver = JournalDatagramReceiver.open();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void shouldWriteEachThreadContextStackElementAsNdc() {
        DecodedFields fields = appendOne(
                b -> b,
                event("nested").setContextStack(new MutableThreadContextStack(List.of("request-7", "user-42"))));
        assertThat(fields.texts(io.journald4j.protocol.JournalField.NDC)).containsExactly("request-7", "user-42");
    }

    @Test
    void shouldWriteAMarkerAndEachOfItsParents() {
        MarkerManager.Log4jMarker audit = new MarkerManager.Log4jMarker("AUDIT");
        MarkerManager.Log4jMarker security = new MarkerManager.Log4jMarker("SECURITY");
        security.addParents(new MarkerManager.Log4jMarker("ALL"));
        audit.addParents(security);
        DecodedFields fields = appendOne(b -> b, event("marked").setMarker(audit));
        assertThat(fields.texts("MARKER")).containsExactly("AUDIT", "SECURITY", "ALL");
    }

    @Test
    void shouldTakeTheTextOfAMapMessageFromItsMessageEntryAndTheRestAsFields() {
        Message message = new StringMapMessage().with("message", "order placed").with("order_id", "1234");
        DecodedFields fields = appendOne(b -> b, event("unused").setMessage(message));
        assertThat(fields.text("MESSAGE")).isEqualTo("order placed");
        assertThat(fields.text("ORDER_ID")).isEqualTo("1234");
        assertThat(fields.names()).doesNotContain("USER_MESSAGE");
    }

    @Test
    void shouldFormatAMapMessageWithoutTextAsItsEntries() {
        DecodedFields fields = appendOne(b -> b, event("unused").setMessage(new StringMapMessage().with("a", "1")));
        assertThat(fields.text("MESSAGE")).isEqualTo("a=\"1\"");
        assertThat(fields.text("A")).isEqualTo("1");
    }

    @Test
    void shouldWriteStructuredDataEntriesAsFields() {
        Message message = new StructuredDataMessage("audit@32473", "login ok", "Audit").with("user", "alice");
        DecodedFields fields = appendOne(b -> b, event("unused").setMessage(message));
        assertThat(fields.text("USER")).isEqualTo("alice");
        assertThat(fields.text("MESSAGE")).contains("login ok");
    }

    @Test
    void shouldLeaveOutTheFieldGroupsThatAreSwitchedOff() {
        DecodedFields fields = appendOne(
                b -> b.setIncludeThreadContext(false)
                        .setIncludeThreadContextStack(false)
                        .setIncludeMapMessage(false)
                        .setIncludeMarkers(false)
                        .setIncludeStackTrace(false),
                event("unused")
                        .setMessage(
                                new StringMapMessage().with("message", "quiet").with("order_id", "1"))
                        .setContextData(ContextDataFactory.createContextData(Map.of("user_id", "42")))
                        .setContextStack(new MutableThreadContextStack(List.of("request-7")))
                        .setMarker(new MarkerManager.Log4jMarker("AUDIT"))
                        .setThrown(new IllegalStateException("boom")));
        assertThat(fields.text("MESSAGE")).isEqualTo("quiet");
        assertThat(fields.text("EXCEPTION_TYPE")).isEqualTo("java.lang.IllegalStateException");
        assertThat(fields.text("EXCEPTION_MESSAGE")).isEqualTo("boom");
        assertThat(fields.names()).doesNotContain("ORDER_ID", "USER_ID", "NDC", "MARKER", "STACK_TRACE", "CODE_FILE");
    }

    @Test
    void shouldWriteTheLayoutOutputAsMessage() {
        PatternLayout layout =
                PatternLayout.newBuilder().setPattern("[%level] %logger: %m").build();
        DecodedFields fields = appendOne(b -> b.setLayout(layout), event("hello"));
        assertThat(fields.text("MESSAGE")).isEqualTo("[INFO] unit.Logger: hello");
    }

    @Test
    void shouldKeepTheMessageEntryOfAMapMessageAsAFieldWhenALayoutWritesMessage() {
        PatternLayout layout = PatternLayout.newBuilder().setPattern("[%level]").build();
        Message message = new StringMapMessage().with("message", "order placed").with("order_id", "1234");
        DecodedFields fields =
                appendOne(b -> b.setLayout(layout), event("unused").setMessage(message));
        assertThat(fields.text("MESSAGE")).isEqualTo("[INFO]");
        assertThat(fields.text("USER_MESSAGE")).isEqualTo("order placed");
        assertThat(fields.text("ORDER_ID")).isEqualTo("1234");
    }

    @Test
    void shouldWriteTheCallerWhenLocationIsIncluded() {
        JournalAppender appender = started(b -> b.setIncludeLocation(true));
        assertThat(appender.requiresLocation()).isTrue();
        appender.append(event("located")
                .setSource(new StackTraceElement("a.b.C", "run", "C.java", 12))
                .build());
        appender.stop();
        DecodedFields fields = receivedOne();
        assertThat(fields.text("CODE_FILE")).isEqualTo("C.java");
        assertThat(fields.text("CODE_LINE")).isEqualTo("12");
        assertThat(fields.text("CODE_FUNC")).isEqualTo("a.b.C.run");
    }

    @Test
    void shouldAskForLocationOnlyWhenIncludedOrTheLayoutNeedsIt() {
        PatternLayout withLine = PatternLayout.newBuilder().setPattern("%L %m").build();
        assertThat(built(b -> b).requiresLocation()).isFalse();
        assertThat(built(b -> b.setLayout(withLine)).requiresLocation()).isTrue();
    }

    @Test
    void shouldCountADropAndThrowOnlyWhenIgnoreExceptionsIsFalse() {
        UnaryOperator<JournalAppenderBuilder> absent =
                b -> b.setSocketPath("/run/journald4j-test-absent/socket").setPolicy("drop");
        JournalAppender quiet = started(absent);
        assertThatCode(() -> quiet.append(event("lost").build())).doesNotThrowAnyException();
        assertThat(quiet.getDroppedCount()).isEqualTo(1);
        quiet.stop();

        JournalAppender loud = started(b -> absent.apply(b).setIgnoreExceptions(false));
        assertThatThrownBy(() -> loud.append(event("lost").build())).isInstanceOf(AppenderLoggingException.class);
        assertThat(loud.getDroppedCount()).isEqualTo(1);
        loud.stop();
    }

    @Test
    void shouldShareOneSocketPerSocketAndPolicy() {
        JournalAppender first = started(b -> b);
        JournalAppender second = started(b -> b.setSyslogIdentifier("other"));
        JournalAppender slower = started(b -> b.setBlockTimeoutMillis(9000));
        assertThat(second.getManager()).isSameAs(first.getManager());
        assertThat(slower.getManager()).isNotSameAs(first.getManager());
        first.stop();
        assertThat(JournalManager.hasManager(second.getManager().getName()))
                .as("still used by second")
                .isTrue();
        second.stop();
        slower.stop();
        assertThat(JournalManager.hasManager(first.getManager().getName())).isFalse();
    }

    private JournalAppenderBuilder builder() {
        return JournalAppender.newBuilder()
                .setName("UNIT")
                .setSocketPath(receiver.socketPath().toString())
                .setSyslogIdentifier("unit");
    }

    private JournalAppender built(UnaryOperator<JournalAppenderBuilder> settings) {
        JournalAppender appender = settings.apply(builder()).build();
        assertThat(appender).isNotNull();
        return appender;
    }

    private JournalAppender started(UnaryOperator<JournalAppenderBuilder> settings) {
        JournalAppender appender = built(settings);
        appender.start();
        return appender;
    }

    private DecodedFields appendOne(UnaryOperator<JournalAppenderBuilder> settings, Log4jLogEvent.Builder event) {
        JournalAppender appender = started(settings);
        appender.append(event.build());
        appender.stop();
        return receivedOne();
    }

    private DecodedFields receivedOne() {
        return DecodedFields.of(
                receiver.awaitDatagrams(1, Duration.ofSeconds(10)).get(0).payload());
    }

    private static Log4jLogEvent.Builder event(String text) {
        return Log4jLogEvent.newBuilder()
                .setLoggerName("unit.Logger")
                .setLevel(Level.INFO)
                .setThreadName("unit-thread")
                .setTimeMillis(1_700_000_000_123L)
                .setMessage(new SimpleMessage(text));
    }
}
