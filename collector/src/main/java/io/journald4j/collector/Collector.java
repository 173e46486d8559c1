package io.journald4j.collector;

import com.lmax.disruptor.EventHandler;
import io.journald4j.collector.config.CollectorConfig;
import io.journald4j.collector.config.OutputSpec;
import io.journald4j.collector.delivery.Destination;
import io.journald4j.collector.delivery.SpooledOutput;
import io.journald4j.collector.ingest.ListeningSocket;
import io.journald4j.collector.ingest.ReceiveLoop;
import io.journald4j.collector.ingest.SystemdSocket;
import io.journald4j.collector.kafka.KafkaDestination;
import io.journald4j.collector.kafka.KafkaOutput;
import io.journald4j.collector.metrics.CollectorMetrics;
import io.journald4j.collector.metrics.Health;
import io.journald4j.collector.metrics.MetricsServer;
import io.journald4j.collector.metrics.OutputMetrics;
import io.journald4j.collector.output.BatchSettings;
import io.journald4j.collector.output.BatchTarget;
import io.journald4j.collector.output.BatchingOutput;
import io.journald4j.collector.output.EntryWriter;
import io.journald4j.collector.output.HostFields;
import io.journald4j.collector.output.JournalExportWriter;
import io.journald4j.collector.output.JournalForwardOutput;
import io.journald4j.collector.output.JournalJsonWriter;
import io.journald4j.collector.output.JournalRemoteSink;
import io.journald4j.collector.output.LineDestination;
import io.journald4j.collector.output.LineSink;
import io.journald4j.collector.output.RotatingFileSink;
import io.journald4j.collector.output.StdoutSink;
import io.journald4j.collector.ring.EntrySlot;
import io.journald4j.collector.ring.IngestRing;
import io.journald4j.collector.ring.ReportingExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsclub.net.unix.AFUNIXDatagramChannel;

/**
 * A running collector: the socket, the receive thread, the ring and its outputs, and the metrics
 * endpoint, started in that order from the outputs inwards and stopped from the socket outwards.
 */
public final class Collector {

    /** How much a journal-remote output keeps queued while journal-remote is down. */
    static final long JOURNAL_REMOTE_BUFFER_BYTES = 256L * 1024 * 1024;

    private volatile CollectorConfig config;
    private final CollectorMetrics metrics;
    private final DaemonLog log;
    private final HostFields host;
    private volatile IngestRing ring;
    private final AFUNIXDatagramChannel channel;
    private final ReceiveLoop receiveLoop;
    private final Thread receiveThread;
    private final boolean socketActivated;
    private volatile MetricsServer metricsServer;
    private volatile boolean stopped;

    private Collector(
            CollectorConfig config,
            CollectorMetrics metrics,
            DaemonLog log,
            HostFields host,
            IngestRing ring,
            AFUNIXDatagramChannel channel,
            boolean socketActivated) {
        this.host = host;
        this.socketActivated = socketActivated;
        this.config = config;
        this.metrics = metrics;
        this.log = log;
        this.ring = ring;
        this.channel = channel;
        this.receiveLoop = new ReceiveLoop(channel, ring, metrics, config.maxDescriptorBytes(), log::info);
        this.receiveThread = new Thread(receiveLoop, "journald4j-receive");
    }

    public static Collector start(CollectorConfig config, DaemonLog log) throws IOException {
        CollectorMetrics metrics = new CollectorMetrics();
        HostFields host = HostFields.readFromSystem();
        IngestRing ring = startRing(config, host, metrics, log);
        AFUNIXDatagramChannel channel;
        boolean activated;
        try {
            Optional<AFUNIXDatagramChannel> passed = SystemdSocket.inherited(
                    System.getenv(), ProcessHandle.current().pid());
            activated = passed.isPresent();
            channel = activated ? passed.get() : ListeningSocket.bind(config.socket());
        } catch (IOException e) {
            ring.drain(Duration.ofSeconds(1));
            throw new IOException("cannot listen on " + config.socket().path() + ": " + e.getMessage(), e);
        }
        Collector running = new Collector(config, metrics, log, host, ring, channel, activated);
        running.receiveThread.start();
        MetricsServer server = null;
        if (config.metrics() != null) {
            try {
                server = MetricsServer.start(config.metrics(), metrics, running::health);
                running.metricsServer = server;
            } catch (IOException e) {
                running.stop();
                throw new IOException("cannot serve metrics on " + config.metrics() + ": " + e.getMessage(), e);
            }
        }
        log.info("listening on "
                + (activated
                        ? channel.getLocalAddress() + " (passed by systemd)"
                        : config.socket().path()) + " (ring: " + ring.capacity() + " slots of "
                + config.slotBytes() + " B, when full: " + config.whenFull() + "), outputs: "
                + config.outputs().stream().map(OutputSpec::describe).toList()
                + (server == null ? "" : ", metrics on http:/" + server.address()));
        return running;
    }

    /** The ring and its outputs for {@code config}; on failure, the outputs already opened are closed again. */
    private static IngestRing startRing(
            CollectorConfig config, HostFields host, CollectorMetrics metrics, DaemonLog log) throws IOException {
        List<EventHandler<EntrySlot>> outputs = new ArrayList<>();
        for (OutputSpec spec : config.outputs()) {
            try {
                outputs.add(output(spec, host, metrics.output(spec.describe()), log, config.shutdownTimeout()));
            } catch (IOException e) {
                for (EventHandler<EntrySlot> opened : outputs) {
                    opened.onShutdown();
                }
                throw new IOException("cannot open output " + spec.describe() + ": " + e.getMessage(), e);
            }
        }
        AtomicInteger threadNumber = new AtomicInteger();
        Duration linger = config.outputs().stream()
                .map(o -> Duration.ofMillis(o.lingerMillis()))
                .filter(d -> !d.isZero())
                .min(Duration::compareTo)
                .orElse(Duration.ofMillis(200));
        IngestRing ring = IngestRing.start(
                config.ringMemoryBytes(),
                config.slotBytes(),
                config.whenFull(),
                outputs,
                new ReportingExceptionHandler(log),
                linger,
                task -> new Thread(task, "journald4j-output-" + threadNumber.incrementAndGet()));
        metrics.ringGauges(ring::inUse, ring::capacity);
        return ring;
    }

    /**
     * Applies a new configuration without touching the socket: a new ring with the new outputs takes
     * over the next message, and the old ring is drained by the old outputs, so nothing received is
     * lost or written twice. Listen and metrics settings take effect only at restart (reported).
     *
     * @return false, with the old configuration still running, when the new outputs cannot be opened
     */
    public synchronized boolean reload(CollectorConfig next) {
        if (stopped) {
            return false;
        }
        if (!next.socket().equals(config.socket()) || !java.util.Objects.equals(next.metrics(), config.metrics())) {
            log.info("reload: listen and metrics settings take effect at the next restart; the socket is kept");
        }
        IngestRing replacement;
        try {
            replacement = startRing(next, host, metrics, log);
        } catch (IOException | RuntimeException e) {
            metrics.recordReload(false);
            log.error("reload rejected, the running configuration stays", e);
            return false;
        }
        IngestRing previous = receiveLoop.swapRing(replacement);
        ring = replacement;
        config = next;
        boolean drained = previous.drain(next.shutdownTimeout());
        metrics.recordReload(true);
        log.info("reloaded: outputs "
                + next.outputs().stream().map(OutputSpec::describe).toList()
                + (drained ? "" : " (the previous outputs did not finish within " + next.shutdownTimeout() + ")"));
        return true;
    }

    private static EventHandler<EntrySlot> output(
            OutputSpec spec, HostFields host, OutputMetrics metrics, DaemonLog log, Duration shutdownTimeout)
            throws IOException {
        metrics.clearGauges();
        if (spec.spool() != null) {
            Destination destination;
            if ("kafka".equals(spec.type())) {
                destination = kafka(spec, host, log);
            } else {
                BatchTarget target = "journal-remote".equals(spec.type())
                        ? new JournalRemoteSink(spec.url(), JOURNAL_REMOTE_BUFFER_BYTES, metrics, log, shutdownTimeout)
                        : BatchTarget.writingTo(fileSink(spec));
                destination = new LineDestination(target, writer(spec, host), spec.batchSize(), log);
            }
            try {
                return new SpooledOutput(spec.spool(), destination, metrics, log, shutdownTimeout);
            } catch (IOException e) {
                destination.close(Duration.ZERO);
                throw e;
            }
        }
        if ("kafka".equals(spec.type())) {
            return new KafkaOutput(kafka(spec, host, log), metrics, log, shutdownTimeout);
        }
        BatchSettings batching = new BatchSettings(spec.batchSize(), Duration.ofMillis(spec.lingerMillis()));
        if ("journal".equals(spec.type())) {
            return new JournalForwardOutput(spec.file(), host, metrics, log);
        }
        LineSink sink = "journal-remote".equals(spec.type())
                ? new JournalRemoteSink(spec.url(), JOURNAL_REMOTE_BUFFER_BYTES, metrics, log, shutdownTimeout)
                : fileSink(spec);
        return new BatchingOutput(sink, writer(spec, host), batching, metrics, log);
    }

    private static LineSink fileSink(OutputSpec spec) throws IOException {
        return spec.isStdout() ? new StdoutSink() : new RotatingFileSink(spec.file(), spec.rotateBytes(), spec.keep());
    }

    private static EntryWriter writer(OutputSpec spec, HostFields host) {
        return "jsonl".equals(spec.type()) ? new JournalJsonWriter(host) : new JournalExportWriter(host);
    }

    /** A producer for a kafka output; a configuration kafka refuses (an unknown compression type, say) is an IOException. */
    private static KafkaDestination kafka(OutputSpec spec, HostFields host, DaemonLog log) throws IOException {
        try {
            return KafkaDestination.create(spec.kafka(), host, log);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException(
                    "kafka producer settings refused: "
                            + (e.getCause() == null
                                    ? e.getMessage()
                                    : e.getCause().getMessage()),
                    e);
        }
    }

    public boolean isHealthy() {
        return !stopped && receiveThread.isAlive();
    }

    /** Unhealthy if no longer receiving; degraded while an output of the running configuration is down. */
    public Health health() {
        if (!isHealthy()) {
            return new Health(Health.Level.UNHEALTHY, stopped ? "stopping" : "the receive thread has ended");
        }
        java.util.Set<String> running = new java.util.HashSet<>();
        config.outputs().forEach(o -> running.add(o.describe()));
        List<String> down = new ArrayList<>();
        for (OutputMetrics output : metrics.outputs()) {
            if (running.contains(output.name()) && output.isDown()) {
                down.add(output.name() + " is down"
                        + (output.hasSpool() ? " (" + output.spoolEntries() + " messages spooled)" : ""));
            }
        }
        return down.isEmpty() ? Health.ok() : new Health(Health.Level.DEGRADED, String.join("; ", down));
    }

    public CollectorMetrics metrics() {
        return metrics;
    }

    public MetricsServer metricsServer() {
        return metricsServer;
    }

    /**
     * Stops reading, lets the outputs write everything already received, and closes them, within the
     * configured shutdown timeout; what could not be written by then is reported.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        receiveLoop.stop();
        receiveLoop.wakeUp();
        try {
            receiveThread.join(
                    Math.max(1, Math.min(1000, config.shutdownTimeout().toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.error("closing the socket failed", e);
        }
        try {
            receiveThread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        boolean drained = ring.drain(left);
        if (metricsServer != null) {
            metricsServer.stop();
        }
        if (!socketActivated) {
            try {
                Files.deleteIfExists(config.socket().path());
            } catch (IOException e) {
                log.error("removing the socket file failed", e);
            }
        }
        log.info((drained
                        ? "stopped; "
                        : "stopped, but the ring or an output did not finish within " + config.shutdownTimeout()
                                + " (spooled entries stay in their spool); ")
                + metrics.summary());
    }
}
