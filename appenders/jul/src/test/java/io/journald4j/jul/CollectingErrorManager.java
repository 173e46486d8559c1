package io.journald4j.jul;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;

/** Keeps every report, which the JDK's ErrorManager would print only the first of. */
public final class CollectingErrorManager extends ErrorManager {

    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<Integer> codes = new CopyOnWriteArrayList<>();

    @Override
    public void error(String message, Exception cause, int code) {
        messages.add(message + (cause == null ? "" : ": " + cause));
        codes.add(code);
    }
}
