package io.journald4j.agent.bootstrap;

/**
 * The one class woven framework code calls: hands each event to the agent's sink, once per logging call.
 *
 * <p>It lives in the bootstrap class loader because the calls are woven into {@code java.util.logging.Logger}
 * (a bootstrap class) and into framework classes of any application loader, and only bootstrap classes are
 * visible from all of them. One per-thread depth counter is shared by every framework: only the outermost
 * dispatch of a thread captures, so JUL → SLF4J → Logback or SLF4J → Log4j chains produce one entry, and
 * whatever the sink itself logs on that thread is never captured again.
 *
 * <p>Every woven method calls {@link #enter} first and {@link #exit()} on every way out, normal or
 * exceptional, so the counter always returns to where it was.
 */
public final class JournalBridge {

    public static final int LOGBACK = 0;
    public static final int LOG4J = 1;
    public static final int JUL = 2;

    /** An {@code int[1]} per thread rather than {@code Integer}: entering and leaving allocate nothing. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private static volatile CaptureSink sink;

    private JournalBridge() {}

    /** Starts capturing into {@code newSink}; null stops capturing. */
    public static void install(CaptureSink newSink) {
        sink = newSink;
    }

    /** Called on entry to a dispatch point: captures the event if this is the thread's outermost one. */
    public static void enter(int framework, Object source, Object event) {
        int[] depth = DEPTH.get();
        if (depth[0]++ == 0) {
            CaptureSink current = sink;
            if (current != null) {
                try {
                    current.capture(framework, source, event);
                } catch (Throwable e) {
                    // The sink reports its own trouble; nothing may reach the application's logging call.
                }
            }
        }
    }

    /** Called on every exit from a dispatch point. */
    public static void exit() {
        DEPTH.get()[0]--;
    }
}
