package io.journald4j.agent.internal;

import io.journald4j.agent.bootstrap.CaptureSink;
import io.journald4j.agent.bootstrap.JournalBridge;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The bridge's sink: routes each captured event to the adapter for its framework copy, made on first use.
 *
 * <p>Adapters are cached per framework class with {@link ClassValue}: one per Logback or Log4j copy (an
 * application server may hold several), found without locking and released with the framework's class
 * loader. A framework copy the adapter cannot serve gets a sink that does nothing, after one stderr line.
 * The journal's socket is probed at the first event; if it cannot be reached the agent switches itself off.
 */
final class Dispatcher implements CaptureSink {

    private static final CaptureSink NOTHING = (framework, source, event) -> {};

    private final AgentSettings settings;
    private final ClassValue<CaptureSink> logbackAdapters = new AdapterCache("Logback", "LogbackAdapter");
    private final ClassValue<CaptureSink> log4jAdapters = new AdapterCache("Log4j 2", "Log4jAdapter");
    /**
     * Guarded by itself. {@link ClassValue} may compute a value on two threads at once and keep one; two
     * adapters for one Log4j copy would clash in its manager registry, so racing threads share the first.
     * Weak both ways: the {@code ClassValue} holds the adapter for as long as the framework class lives.
     */
    private final Map<Class<?>, WeakReference<CaptureSink>> created = new WeakHashMap<>();

    private volatile boolean probed;
    /** Guarded by this: the probe failed, the agent is off for good. */
    private boolean unreachable;

    private volatile CaptureSink jul;

    Dispatcher(AgentSettings settings) {
        this.settings = settings;
    }

    @Override
    public void capture(int framework, Object source, Object event) {
        if (!probed && !probe()) {
            return;
        }
        switch (framework) {
            case JournalBridge.JUL:
                julSink().capture(framework, source, event);
                break;
            case JournalBridge.LOG4J:
                // An async logger config replays its events on its own thread with another predicate than ALL.
                if (source == null || "ALL".equals(((Enum<?>) source).name())) {
                    // The predicate's class is one per Log4j copy, unlike the several LogEvent classes.
                    log4jAdapters
                            .get(source == null ? event.getClass() : source.getClass())
                            .capture(framework, source, event);
                }
                break;
            default:
                logbackAdapters.get(event.getClass()).capture(framework, source, event);
                break;
        }
    }

    private synchronized boolean probe() {
        if (unreachable) {
            return false;
        }
        if (!probed) {
            String problem = JournalProbe.problemWith(settings.socketPath());
            if (problem != null) {
                unreachable = true;
                JournalBridge.install(null);
                Diagnostics.reportOnce(
                        "journal",
                        "the journal at " + settings.socketPath() + " cannot be reached (" + problem
                                + "); the agent sends nothing");
                return false;
            }
            probed = true;
        }
        return true;
    }

    private CaptureSink julSink() {
        CaptureSink current = jul;
        if (current == null) {
            synchronized (this) {
                current = jul;
                if (current == null) {
                    current = guarded("java.util.logging", () -> new JulSink(settings));
                    jul = current;
                }
            }
        }
        return current;
    }

    /** One framework's adapters, by a class of which each framework copy has its own. */
    private final class AdapterCache extends ClassValue<CaptureSink> {
        private final String framework;
        private final String adapter;

        AdapterCache(String framework, String adapterSimpleName) {
            this.framework = framework;
            this.adapter = "io.journald4j.agent.adapter." + adapterSimpleName;
        }

        @Override
        protected CaptureSink computeValue(Class<?> frameworkType) {
            synchronized (created) {
                WeakReference<CaptureSink> existing = created.get(frameworkType);
                CaptureSink sink = existing == null ? null : existing.get();
                if (sink == null) {
                    sink = guarded(framework, () -> create(frameworkType));
                    created.put(frameworkType, new WeakReference<>(sink));
                }
                return sink;
            }
        }

        private CaptureSink create(Class<?> frameworkType) throws ReflectiveOperationException {
            ClassLoader loader =
                    new AdapterClassLoader(frameworkType.getClassLoader(), Dispatcher.class.getClassLoader());
            Constructor<?> constructor = Class.forName(adapter, true, loader).getConstructor(AgentSettings.class);
            return (CaptureSink) constructor.newInstance(settings);
        }
    }

    private static CaptureSink guarded(String framework, SinkFactory factory) {
        try {
            return factory.create();
        } catch (Exception | LinkageError e) {
            Throwable cause = e.getCause() != null && e instanceof ReflectiveOperationException ? e.getCause() : e;
            Diagnostics.reportOnce(
                    framework, "cannot capture " + framework + " events (" + cause + "); they are not sent");
            return NOTHING;
        }
    }

    /** Makes one sink; may throw anything a constructor or class loading can. */
    private interface SinkFactory {
        CaptureSink create() throws Exception;
    }
}
