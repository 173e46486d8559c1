package io.journald4j.jul;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogManagerPropertiesTest {

    private static final String PREFIX = "io.journald4j.jul.JournaldHandler";

    private final Map<String, String> properties = new HashMap<>();

    private JournaldHandlerBuilder read() {
        return LogManagerProperties.read(PREFIX, properties::get);
    }

    private void set(String key, String value) {
        properties.put(PREFIX + "." + key, value);
    }

    @Test
    void shouldKeepTheDefaultsWhenNothingIsSet() {
        JournaldHandlerBuilder settings = read();
        assertThat(settings.invalid).isNull();
        assertThat(settings.level).isEqualTo(Level.ALL);
        assertThat(settings.formatter).isNull();
        assertThat(settings.socketPath).isEqualTo("/run/systemd/journal/socket");
        assertThat(settings.policy).isEqualTo("block");
        assertThat(settings.blockTimeout).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.includeCallerData).isFalse();
        assertThat(settings.includeStackTrace).isTrue();
        assertThat(settings.maxEntrySize).isEqualTo(64 * 1024 * 1024);
        assertThat(settings.staticFields()).isEmpty();
    }

    @Test
    void shouldReadEveryKeyUnderTheClassName() {
        set("level", "CONFIG");
        set("formatter", SimpleFormatter.class.getName());
        set("filter", AcceptAllFilter.class.getName());
        set("errorManager", CollectingErrorManager.class.getName());
        set("syslogIdentifier", " orders ");
        set("syslogFacility", "local3");
        set("socketPath", "/run/systemd/journal.test/socket");
        set("policy", "drop");
        set("blockTimeout", "250ms");
        set("priorityMapping", "WARNING=notice");
        set("staticFields", "DEPLOYMENT=blue, REGION=eu-1,,");
        set("includeCallerData", "TRUE");
        set("includeStackTrace", "0");
        set("maxEntrySize", "65536");
        properties.put("other.Handler.policy", "sometimes");

        JournaldHandlerBuilder settings = read();

        assertThat(settings.invalid).isNull();
        assertThat(settings.level).isEqualTo(Level.CONFIG);
        assertThat(settings.formatter).isInstanceOf(SimpleFormatter.class);
        assertThat(settings.filter).isInstanceOf(AcceptAllFilter.class);
        assertThat(settings.errorManager).isInstanceOf(CollectingErrorManager.class);
        assertThat(settings.syslogIdentifier).isEqualTo("orders");
        assertThat(settings.syslogFacility).isEqualTo("local3");
        assertThat(settings.socketPath).isEqualTo("/run/systemd/journal.test/socket");
        assertThat(settings.policy).isEqualTo("drop");
        assertThat(settings.blockTimeout).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.priorityMapping).isEqualTo("WARNING=notice");
        assertThat(settings.staticFields()).containsExactly("DEPLOYMENT=blue", "REGION=eu-1");
        assertThat(settings.includeCallerData).isTrue();
        assertThat(settings.includeStackTrace).isFalse();
        assertThat(settings.maxEntrySize).isEqualTo(65536);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "level; LOUD; Bad level \"LOUD\"",
                "formatter; com.example.NoSuchFormatter; cannot create Formatter com.example.NoSuchFormatter",
                "formatter; java.lang.String; java.lang.String is not a java.util.logging.Formatter",
                "filter; java.util.logging.Filter; cannot create Filter java.util.logging.Filter",
                "errorManager; com.example.Nope; cannot create ErrorManager com.example.Nope",
                "blockTimeout; soon; duration 'soon'",
                "includeCallerData; yes; 'yes' is not a boolean",
                "maxEntrySize; 64MiB; 64MiB"
            })
    void shouldNameTheKeyOfAValueThatCannotBeRead(String key, String value, String problem) {
        set(key, value);
        JournaldHandlerBuilder settings = read();
        assertThat(settings.invalid).startsWith(PREFIX + "." + key + ": ").contains(problem);
    }

    @Test
    void shouldReadTheErrorManagerFirstSoThatItHearsAboutTheRest() {
        set("maxEntrySize", "huge");
        set("errorManager", CollectingErrorManager.class.getName());
        JournaldHandler handler = new JournaldHandler(read());
        assertThat(handler.getErrorManager()).isInstanceOf(CollectingErrorManager.class);
        assertThat(((CollectingErrorManager) handler.getErrorManager()).messages)
                .singleElement()
                .asString()
                .contains(PREFIX + ".maxEntrySize: ")
                .contains("huge");
        assertThat(handler.isStarted()).isFalse();
    }
}
