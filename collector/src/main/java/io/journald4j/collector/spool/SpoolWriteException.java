package io.journald4j.collector.spool;

import java.io.IOException;

/**
 * Writing to a segment failed (a full or failing disk): the messages that were waiting in the
 * write buffer, and the one being appended, were not spooled. The segment is cut back to what was
 * committed before, so readers never see a partial record.
 */
public final class SpoolWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long lost;

    SpoolWriteException(long lost, IOException cause) {
        super(lost + " message(s) could not be written to the spool: " + cause.getMessage(), cause);
        this.lost = lost;
    }

    /** Messages not spooled: the caller counts them as dropped. */
    public long lost() {
        return lost;
    }

    SpoolWriteException plusOne() {
        return new SpoolWriteException(lost + 1, (IOException) getCause());
    }
}
