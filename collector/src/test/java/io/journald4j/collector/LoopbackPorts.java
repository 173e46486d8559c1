package io.journald4j.collector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Test fixture: a TCP port on 127.0.0.1 that was free a moment ago, for a peer the test starts. */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            return socket.getLocalPort();
        }
    }
}
