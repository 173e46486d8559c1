package io.journald4j.transport;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * How a {@link DatagramJournalSender} reaches the journal and what it does when it cannot.
 *
 * <p>Immutable; the {@code with...} methods return changed copies and validate their argument.
 */
public final class SenderConfig {

    /** journald's native socket for the default namespace. */
    public static final Path DEFAULT_SOCKET = Paths.get("/run/systemd/journal/socket");

    /** libsystemd asks for 8 MiB (journal-send.c {@code SNDBUF_SIZE}); the kernel caps it at wmem_max. */
    public static final int DEFAULT_SEND_BUFFER = 8 * 1024 * 1024;

    private final Path socketPath;
    private final SendPolicy policy;
    private final Duration blockTimeout;
    private final Duration reconnectInterval;
    private final int sendBufferSize;

    private SenderConfig(
            Path socketPath, SendPolicy policy, Duration blockTimeout, Duration reconnectInterval, int sendBufferSize) {
        this.socketPath = socketPath;
        this.policy = policy;
        this.blockTimeout = blockTimeout;
        this.reconnectInterval = reconnectInterval;
        this.sendBufferSize = sendBufferSize;
    }

    /** The defaults: journald's socket, {@code block}, a 5 s block timeout, reconnect probes every second. */
    public static SenderConfig defaults() {
        return new SenderConfig(
                DEFAULT_SOCKET, SendPolicy.BLOCK, Duration.ofSeconds(5), Duration.ofSeconds(1), DEFAULT_SEND_BUFFER);
    }

    public SenderConfig withSocketPath(Path socketPath) {
        if (socketPath == null || socketPath.toString().isEmpty()) {
            throw new IllegalArgumentException("socketPath must not be empty");
        }
        if (socketPath.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 107) {
            throw new IllegalArgumentException(
                    "socketPath must be at most 107 bytes (sockaddr_un limit): " + socketPath);
        }
        return new SenderConfig(socketPath, policy, blockTimeout, reconnectInterval, sendBufferSize);
    }

    public SenderConfig withPolicy(SendPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        return new SenderConfig(socketPath, policy, blockTimeout, reconnectInterval, sendBufferSize);
    }

    /** How long a {@code block} caller may wait for an absent or restarting journal, or a full queue. */
    public SenderConfig withBlockTimeout(Duration blockTimeout) {
        if (blockTimeout == null || blockTimeout.isNegative() || blockTimeout.isZero()) {
            throw new IllegalArgumentException("blockTimeout must be positive: " + blockTimeout);
        }
        return new SenderConfig(socketPath, policy, blockTimeout, reconnectInterval, sendBufferSize);
    }

    /** How often an unreachable journal is probed again once callers stopped waiting for it. */
    public SenderConfig withReconnectInterval(Duration reconnectInterval) {
        if (reconnectInterval == null || reconnectInterval.isNegative()) {
            throw new IllegalArgumentException("reconnectInterval must not be negative: " + reconnectInterval);
        }
        return new SenderConfig(socketPath, policy, blockTimeout, reconnectInterval, sendBufferSize);
    }

    /** The SO_SNDBUF asked for; it bounds the largest datagram (the kernel may grant less). */
    public SenderConfig withSendBufferSize(int sendBufferSize) {
        if (sendBufferSize < 4096) {
            throw new IllegalArgumentException("sendBufferSize must be at least 4096: " + sendBufferSize);
        }
        return new SenderConfig(socketPath, policy, blockTimeout, reconnectInterval, sendBufferSize);
    }

    public Path socketPath() {
        return socketPath;
    }

    public SendPolicy policy() {
        return policy;
    }

    public Duration blockTimeout() {
        return blockTimeout;
    }

    public Duration reconnectInterval() {
        return reconnectInterval;
    }

    public int sendBufferSize() {
        return sendBufferSize;
    }

    @Override
    public String toString() {
        return "socketPath=" + socketPath + ", policy=" + policy + ", blockTimeout=" + blockTimeout
                + ", reconnectInterval=" + reconnectInterval + ", sendBufferSize=" + sendBufferSize;
    }
}
