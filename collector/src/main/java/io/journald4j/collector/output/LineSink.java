package io.journald4j.collector.output;

import java.io.Closeable;
import java.io.IOException;

/** Where an output's lines go: stdout or a file. Written by one handler thread only. */
public interface LineSink extends Closeable {

    /** Writes a batch of whole lines. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** A name for metrics and messages, such as {@code jsonl:-}. */
    String describe();
}
