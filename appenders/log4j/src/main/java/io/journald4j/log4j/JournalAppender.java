package io.journald4j.log4j;

import io.journald4j.entry.EntryBuffer;
import io.journald4j.entry.EntryBufferPool;
import io.journald4j.transport.SenderStatistics;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.impl.LocationAware;

/**
 * Sends every Log4j event to systemd-journald as one structured entry, in journald's native protocol.
 *
 * <pre>{@code
 * <Journald name="JOURNAL" syslogIdentifier="orders"/>
 * }</pre>
 *
 * <p>Thin on purpose: {@link Log4jEventMapper} maps the event into a pooled buffer and the shared
 * {@link JournalManager} sends it, so logging threads encode in parallel and a reconfiguration keeps
 * the socket. Drops (per the {@code policy}) are counted and reported on the StatusLogger,
 * rate-limited. With {@code ignoreExceptions="false"} a dropped or failed entry also throws
 * {@link AppenderLoggingException}, so that a {@code Failover} appender can take over; by default
 * nothing is ever thrown into the application. Every attribute is documented on {@link JournalAppenderBuilder}.
 */
@Plugin(name = "Journald", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class JournalAppender extends AbstractAppender implements LocationAware {

    private final JournalManager manager;
    private final Log4jEventMapper mapper;
    private final EntryBufferPool buffers;
    private final boolean requiresLocation;
    private final LongAdder dropped = new LongAdder();

    JournalAppender(
            String name,
            Filter filter,
            Layout<? extends Serializable> layout,
            boolean ignoreExceptions,
            Property[] properties,
            JournalManager manager,
            Log4jEventMapper mapper,
            EntryBufferPool buffers,
            boolean requiresLocation) {
        super(name, filter, layout, ignoreExceptions, properties);
        this.manager = manager;
        this.mapper = mapper;
        this.buffers = buffers;
        this.requiresLocation = requiresLocation;
    }

    @PluginBuilderFactory
    public static JournalAppenderBuilder newBuilder() {
        return new JournalAppenderBuilder();
    }

    @Override
    public void append(LogEvent event) {
        EntryBuffer buffer = buffers.acquire();
        boolean delivered;
        try {
            mapper.map(event, buffer);
            delivered = manager.send(buffer.encoder());
        } catch (RuntimeException | LinkageError e) {
            dropped.increment();
            String message = "Journald appender '" + getName() + "' could not map an event; it was dropped";
            if (!ignoreExceptions()) {
                throw new AppenderLoggingException(message, e);
            }
            error(message, event, e);
            return;
        } finally {
            buffers.release(buffer);
        }
        if (!delivered) {
            dropped.increment();
            if (!ignoreExceptions()) {
                throw new AppenderLoggingException("Journald appender '" + getName() + "' dropped an entry");
            }
        }
    }

    /** Whether Log4j must capture the caller (for {@code includeLocation} or the layout) before appending. */
    @Override
    public boolean requiresLocation() {
        return requiresLocation;
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        stopped &= manager.stop(timeout, timeUnit);
        setStopped();
        return stopped;
    }

    /** Entries this appender dropped since it was created, whatever the reason. */
    public long getDroppedCount() {
        return dropped.sum();
    }

    /** The counters of the socket this appender shares with every appender of the same socket and policy. */
    public SenderStatistics getStatistics() {
        return manager.statistics();
    }

    JournalManager getManager() {
        return manager;
    }
}
