package io.journald4j.collector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Test fixture: sends native-protocol datagrams to a collector socket, as an application would. */
public final class EntrySender implements AutoCloseable {

    private final AFUNIXDatagramChannel channel;

    public EntrySender(Path socket) throws IOException {
        channel = AFUNIXDatagramChannel.open();
        channel.connect(AFUNIXSocketAddress.of(socket));
    }

    /** Sends {@code NAME=value} lines (each ending in a newline) as one datagram. */
    public void send(String fields) throws IOException {
        send(fields.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] datagram) throws IOException {
        channel.write(ByteBuffer.wrap(datagram));
    }

    /** Sends {@code count} entries {@code MESSAGE=PREFIX-N} (N from 0) with {@code extra} fields, padded to about {@code size} bytes. */
    public void sendNumbered(String prefix, int count, String extra, int size) throws IOException {
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("MESSAGE=")
                    .append(prefix)
                    .append('-')
                    .append(i)
                    .append('\n');
            text.append(extra);
            if (text.length() < size) {
                text.append("PADDING=").append("x".repeat(size - text.length())).append('\n');
            }
            send(text.toString());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
