package io.journald4j.log4j;

import io.journald4j.protocol.JournalEncoder;
import io.journald4j.status.TroubleReporter;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.SenderConfig;
import io.journald4j.transport.SenderStatistics;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.ManagerFactory;

/**
 * Owns the journal socket ({@link DatagramJournalSender}) for every {@link JournalAppender} with the
 * same socket and failure policy.
 *
 * <p>Log4j builds a new configuration's appenders before it stops the old ones, and
 * {@link AbstractManager#getManager} hands the new appender the manager the old one still holds. So
 * {@code Configurator.reconfigure} keeps the connected socket: no event waits for a reconnect and no
 * socket leaks. The socket is closed when the last appender using it stops.
 */
final class JournalManager extends AbstractManager {

    private static final Factory FACTORY = new Factory();

    private final DatagramJournalSender sender;
    private final TroubleReporter reporter;

    private JournalManager(String name, DatagramJournalSender sender, TroubleReporter reporter) {
        super(null, name);
        this.sender = sender;
        this.reporter = reporter;
    }

    /**
     * Distinguishes this copy of the class from others in other class loaders: log4j-core keeps
     * managers in one registry per log4j-core, and two applications (webapps, plugins) that each ship
     * journald4j-log4j beside a shared log4j-core must not be handed each other's manager.
     */
    private static final String LOADER_TAG = Integer.toHexString(System.identityHashCode(JournalManager.class));

    /** The shared manager for {@code config}, opened on first use. */
    static JournalManager forConfig(SenderConfig config) {
        return getManager("Journald[" + config + "]@" + LOADER_TAG, FACTORY, config);
    }

    /** Sends one entry; false when it was dropped (counted and reported by the manager). */
    boolean send(JournalEncoder encoder) {
        return sender.send(encoder);
    }

    TroubleReporter reporter() {
        return reporter;
    }

    SenderStatistics statistics() {
        return sender.statistics();
    }

    @Override
    protected boolean releaseSub(long timeout, TimeUnit timeUnit) {
        sender.close();
        reporter.flush();
        return true;
    }

    /** Opens the sender; an absent journal is reported, not fatal (it may start later). */
    private static final class Factory implements ManagerFactory<JournalManager, SenderConfig> {
        @Override
        public JournalManager createManager(String name, SenderConfig config) {
            TroubleReporter reporter = new TroubleReporter(new Log4jStatusSink(name));
            return new JournalManager(name, DatagramJournalSender.open(config, reporter), reporter);
        }
    }
}
