package io.journald4j.collector.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/** Lines to standard output, bypassing {@code System.out}'s charset and per-line flushing. */
public final class StdoutSink implements LineSink {

    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);

    @Override
    public void write(byte[] bytes, int offset, int length, int entries) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public String describe() {
        return "jsonl:-";
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
