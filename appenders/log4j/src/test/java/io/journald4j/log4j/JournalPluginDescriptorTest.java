package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.log4j.support.DecodedFields;
import io.journald4j.log4j.support.StatusCollector;
import io.journald4j.testing.JournalDatagramReceiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;

/** The plugin is found through the descriptor generated at build time, with no {@code packages} scanning. */
class JournalPluginDescriptorTest {

    private static final String DESCRIPTOR = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    @Test
    void shouldShipAPluginDescriptorBesideTheAppenderClass() throws IOException {
        String classes = JournalAppender.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        URL ours = Collections.list(getClass().getClassLoader().getResources(DESCRIPTOR)).stream()
                .filter(url -> url.toString().contains(classes.replaceFirst("^file:", "")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + DESCRIPTOR + " in " + classes));
        PluginCache cache = new PluginCache();
        cache.loadCacheFiles(Collections.enumeration(List.of(ours)));
        PluginEntry entry = cache.getCategory("core").get("journald");
        // the processor keys plugins by lower-cased name and records the element type as the name
        assertThat(entry).isNotNull();
        assertThat(entry.getClassName()).isEqualTo(JournalAppender.class.getName());
        assertThat(entry.getName()).isEqualTo("appender");
        assertThat(entry.isPrintable()).isTrue();
    }

    @Test
    void shouldConfigureJournaldFromXmlWithoutAPackagesAttribute() throws IOException {
        String xml = "<Configuration>"
                + "<Appenders><Journald name='JOURNAL' syslogIdentifier='descriptor' socketPath='SOCKET' includeMdc='false'>"
                + "<KeyValuePair key='DEPLOYMENT' value='blue'/></Journald></Appenders>"
                + "<Loggers><Root level='info'><AppenderRef ref='JOURNAL'/></Root></Loggers>"
                + "</Configuration>";
        try (JournalDatagramReceiver receiver = JournalDatagramReceiver.open();
                StatusCollector status = StatusCollector.open()) {
            LoggerContext context = new LoggerContext("descriptor");
            byte[] bytes =
                    xml.replace("SOCKET", receiver.socketPath().toString()).getBytes(StandardCharsets.UTF_8);
            context.start(new XmlConfiguration(context, new ConfigurationSource(new ByteArrayInputStream(bytes))));
            try {
                assertThat((Object) context.getConfiguration().getAppender("JOURNAL"))
                        .isInstanceOf(JournalAppender.class);
                context.getLogger("xml.Logger").info("from xml");
            } finally {
                context.stop();
            }
            DecodedFields fields = DecodedFields.of(
                    receiver.awaitDatagrams(1, Duration.ofSeconds(10)).get(0).payload());
            assertThat(fields.text("MESSAGE")).isEqualTo("from xml");
            assertThat(fields.text("DEPLOYMENT")).isEqualTo("blue");
            assertThat(status.messages()).isEmpty();
        }
    }
}
