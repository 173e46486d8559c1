package io.journald4j.collector.spool;

import java.io.IOException;

/** The spool directory is held by another output of this same collector (the one a reload replaces). */
public final class SpoolBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    SpoolBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
