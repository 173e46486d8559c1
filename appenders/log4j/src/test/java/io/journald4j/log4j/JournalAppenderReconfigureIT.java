package io.journald4j.log4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.testing.PrivateJournald;
import io.journald4j.testing.RequiresJournald;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Configurator.reconfigure} while a thread logs: every event arrives and no socket leaks, whether
 * the new configuration can keep the manager (same socket and policy) or must replace it.
 */
@RequiresJournald
class JournalAppenderReconfigureIT {

    private static final int RECONFIGURATIONS = 20;

    @AfterEach
    void clearProperties() {
        Stream.of("identifier", "socket", "blockTimeoutMillis")
                .forEach(p -> System.clearProperty("journald4j.it." + p));
    }

    @ParameterizedTest(name = "manager replaced each time: {0}")
    @ValueSource(booleans = {false, true})
    void shouldLoseNoEventAndLeakNoSocketAcrossReconfigurations(boolean replaceManager) throws Exception {
        String id = "reconfigure-" + UUID.randomUUID().toString().substring(0, 8);
        try (PrivateJournald journald = PrivateJournald.start()) {
            System.setProperty("journald4j.it.identifier", id);
            System.setProperty("journald4j.it.socket", journald.socketPath().toString());
            System.setProperty("journald4j.it.blockTimeoutMillis", "5000");
            int socketsBefore = openSockets();
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            Configurator.reconfigure(config());
            JournalManager first = appender(context).getManager();
            int socketsConfigured = openSockets();
            assertThat(socketsConfigured).as("one journal socket").isEqualTo(socketsBefore + 1);

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService app = Executors.newSingleThreadExecutor();
            int logged;
            try {
                Future<Integer> logging =
                        app.submit(() -> logUntilStopped(LogManager.getLogger("reconfigure.Logger"), running));
                for (int i = 0; i < RECONFIGURATIONS; i++) {
                    Thread.sleep(50);
                    if (replaceManager) {
                        System.setProperty("journald4j.it.blockTimeoutMillis", i % 2 == 0 ? "6000" : "5000");
                    }
                    Configurator.reconfigure();
                    assertThat(appender(context).getManager() == first).isEqualTo(!replaceManager);
                }
                Thread.sleep(50);
                running.set(false);
                logged = logging.get(30, TimeUnit.SECONDS);
            } finally {
                running.set(false);
                app.shutdownNow();
            }
            assertThat(appender(context).getDroppedCount()).isZero();
            assertThat(openSockets())
                    .as("sockets after %d reconfigurations", RECONFIGURATIONS)
                    .isEqualTo(socketsConfigured);
            Configurator.shutdown(context);
            assertThat(openSockets()).as("sockets after shutdown").isEqualTo(socketsBefore);

            Set<String> messages = new HashSet<>();
            journald.awaitEntries("SYSLOG_IDENTIFIER", id, logged, Duration.ofSeconds(60))
                    .forEach(e -> messages.add(e.text("MESSAGE")));
            assertThat(logged).isGreaterThan(RECONFIGURATIONS);
            assertThat(messages).hasSize(logged);
        }
    }

    private static int logUntilStopped(Logger logger, AtomicBoolean running) {
        int count = 0;
        while (running.get()) {
            logger.info("event {}", count++);
        }
        return count;
    }

    private static JournalAppender appender(LoggerContext context) {
        JournalAppender appender = context.getConfiguration().getAppender("JOURNAL");
        assertThat(appender).as("JOURNAL configured").isNotNull();
        return appender;
    }

    private URI config() throws URISyntaxException {
        return getClass().getResource("/log4j2-reconfigure-it.xml").toURI();
    }

    /** Sockets this process holds open, from {@code /proc/self/fd}. */
    private static int openSockets() {
        int sockets = 0;
        try (Stream<Path> fds = Files.list(Paths.get("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // the directory stream's own descriptor, or one closed while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sockets;
    }
}
