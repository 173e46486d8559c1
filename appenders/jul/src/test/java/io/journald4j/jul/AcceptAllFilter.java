package io.journald4j.jul;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/** A filter named by class in configuration tests. */
public final class AcceptAllFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        return true;
    }
}
