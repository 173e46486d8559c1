package io.journald4j.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyslogIdentifierTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/opt/orders/orders.jar --port 8080|orders",
                "app.jar|app",
                "com.acme.billing.BillingMain arg|BillingMain",
                "Main|Main",
                "''|java",
                "org.codehaus.plexus.classworlds.launcher.Launcher -B verify|Launcher"
            })
    void shouldNameTheApplicationAfterItsJarOrMainClass(String command, String identifier) {
        assertThat(SyslogIdentifier.fromCommand(command)).isEqualTo(identifier);
    }
}
