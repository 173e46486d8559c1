package io.journald4j.entry;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Renders a throwable with its whole chain, in the JDK's {@code printStackTrace} layout.
 *
 * <p>Causes and suppressed exceptions are included to any depth, frames shared with the enclosing
 * trace are folded into {@code ... n more}, and a cycle prints {@code [CIRCULAR REFERENCE: ...]}, so
 * that {@code STACK_TRACE} reads exactly like the console. Writing into the caller's builder (rather
 * than through {@code printStackTrace(PrintWriter)}) avoids a writer and its lock per event.
 */
public final class ThrowableRenderer {

    private ThrowableRenderer() {}

    public static StringBuilder render(Throwable throwable, StringBuilder out) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(throwable);
        out.append(throwable).append('\n');
        StackTraceElement[] trace = throwable.getStackTrace();
        for (StackTraceElement frame : trace) {
            out.append("\tat ").append(frame).append('\n');
        }
        for (Throwable suppressed : throwable.getSuppressed()) {
            enclosed(suppressed, trace, "Suppressed: ", "\t", seen, out);
        }
        Throwable cause = throwable.getCause();
        if (cause != null) {
            enclosed(cause, trace, "Caused by: ", "", seen, out);
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out;
    }

    private static void enclosed(
            Throwable throwable,
            StackTraceElement[] enclosingTrace,
            String caption,
            String prefix,
            Set<Throwable> seen,
            StringBuilder out) {
        if (!seen.add(throwable)) {
            out.append(prefix)
                    .append(caption)
                    .append("[CIRCULAR REFERENCE: ")
                    .append(throwable)
                    .append("]\n");
            return;
        }
        StackTraceElement[] trace = throwable.getStackTrace();
        int m = trace.length - 1;
        int n = enclosingTrace.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosingTrace[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        out.append(prefix).append(caption).append(throwable).append('\n');
        for (int i = 0; i <= m; i++) {
            out.append(prefix).append("\tat ").append(trace[i]).append('\n');
        }
        if (inCommon != 0) {
            out.append(prefix).append("\t... ").append(inCommon).append(" more\n");
        }
        for (Throwable suppressed : throwable.getSuppressed()) {
            enclosed(suppressed, trace, "Suppressed: ", prefix + "\t", seen, out);
        }
        Throwable cause = throwable.getCause();
        if (cause != null) {
            enclosed(cause, trace, "Caused by: ", prefix, seen, out);
        }
    }
}
