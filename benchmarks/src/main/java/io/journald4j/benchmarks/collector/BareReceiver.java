package io.journald4j.benchmarks.collector;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The baseline of {@link CollectorBenchmark}: a bare junixsocket receive loop (the collector's socket
 * library, no ring, no decoding, no output) that receives into a direct buffer of the collector's size
 * (8 MiB) and counts. Runs until SIGTERM, then prints {@code received=N bytes=B} on stdout.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.journald4j.benchmarks.collector.BareReceiver --socket=/tmp/bare.sock
 * </pre>
 */
public final class BareReceiver {

    private BareReceiver() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args);
        String socket = Options.required(options, "socket");
        Files.deleteIfExists(Paths.get(socket));
        AtomicLong received = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        channel.bind(AFUNIXSocketAddress.of(new File(socket)));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("received=" + received.get() + " bytes=" + bytes.get());
                            System.out.flush();
                            try {
                                Files.deleteIfExists(Paths.get(socket));
                            } catch (IOException e) {
                                System.err.println("removing " + socket + " failed: " + e);
                            }
                        },
                        "bare-receiver-report"));
        ByteBuffer buffer = ByteBuffer.allocateDirect(8 * 1024 * 1024);
        long count = 0;
        long total = 0;
        while (true) {
            buffer.clear();
            try {
                channel.read(buffer); // as the collector reads: no sender address
            } catch (ClosedChannelException e) {
                return;
            }
            if (buffer.position() > 0) {
                count++;
                total += buffer.position();
                // Plain stores on x86: the report hook only needs a recent value.
                received.lazySet(count);
                bytes.lazySet(total);
            }
        }
    }
}
