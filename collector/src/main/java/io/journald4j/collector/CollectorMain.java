package io.journald4j.collector;

import io.journald4j.collector.config.CollectorConfig;
import io.journald4j.collector.config.ConfigException;
import io.journald4j.collector.config.ConfigFile;
import io.journald4j.collector.config.OutputSpec;
import io.journald4j.collector.spool.SpoolSettings;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar journald4j-collector.jar [--listen PATH] [--output TYPE:TARGET]... [--metrics HOST:PORT] [--config FILE]}
 * runs the daemon; {@code validate FILE} checks a config file. Flags override the config file,
 * which overrides the built-in default (listen in the runtime directory, JSON lines to stdout).
 */
@Command(
        name = "journald4j-collector",
        mixinStandardHelpOptions = true,
        version = "journald4j-collector 0.1.0-SNAPSHOT",
        description = "Receives journald native-protocol datagrams and writes the entries to outputs.",
        subcommands = CollectorMain.Validate.class)
public final class CollectorMain implements Callable<Integer> {

    static final int CONFIG_ERROR = 2;

    @Option(names = "--listen", paramLabel = "PATH", description = "Datagram socket to listen on.")
    Path listen;

    @Option(
            names = "--output",
            paramLabel = "TYPE:TARGET",
            description = "An output, repeatable: jsonl:-|FILE, export:-|FILE, journal:SOCKET,"
                    + " journal-remote:URL, kafka:HOST:PORT[,HOST:PORT...]/TOPIC.")
    List<String> outputs = new ArrayList<>();

    @Option(
            names = "--spool",
            paramLabel = "DIR",
            description =
                    "Spool every kafka, journal-remote, jsonl and export output on disk, each in its own subdirectory of DIR.")
    Path spool;

    @Option(
            names = "--spool-max-bytes",
            paramLabel = "BYTES",
            description = "Cap of each output's spool (default: 1 GiB).")
    Long spoolMaxBytes;

    @Option(
            names = "--spool-when-full",
            paramLabel = "POLICY",
            description = "block, drop_newest or drop_oldest (default: block).")
    String spoolWhenFull;

    @Option(
            names = "--spool-fsync-ms",
            paramLabel = "MILLIS",
            description = "Force spooled entries to disk at least this often (default: 1000; 0: every batch).")
    Long spoolFsyncMillis;

    @Option(names = "--metrics", paramLabel = "HOST:PORT", description = "Serve /metrics and /health here.")
    String metrics;

    @Option(names = "--config", paramLabel = "FILE", description = "TOML config file; flags override it.")
    Path config;

    private final DaemonLog log = new DaemonLog();

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CollectorMain());
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        CollectorConfig effective;
        try {
            effective = effectiveConfig();
        } catch (ConfigException | IllegalArgumentException e) {
            log.error("configuration error: " + e.getMessage(), null);
            return CONFIG_ERROR;
        }
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(System.getenv("NOTIFY_SOCKET"), log);
        Collector collector = Collector.start(effective, log);
        notifier.notify(
                "READY=1\nSTATUS=receiving\nMAINPID=" + ProcessHandle.current().pid());
        HangupSignal.onHangup(() -> reload(collector));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            notifier.notify("STOPPING=1\nSTATUS=draining");
                            collector.stop();
                            stopped.countDown();
                        },
                        "journald4j-shutdown"));
        stopped.await();
        return 0;
    }

    /** SIGHUP: the config file read again, flags applied on top; a bad file leaves everything as it runs. */
    private void reload(Collector collector) {
        log.info("SIGHUP: reloading " + (config == null ? "(no config file; flags only)" : config));
        try {
            collector.reload(effectiveConfig());
        } catch (ConfigException | IllegalArgumentException e) {
            collector.metrics().recordReload(false);
            log.error("reload rejected, the running configuration stays: " + e.getMessage(), null);
        }
    }

    CollectorConfig effectiveConfig() throws ConfigException {
        CollectorConfig effective = config == null ? CollectorConfig.defaults() : ConfigFile.read(config);
        if (listen != null) {
            effective = effective.withSocketPath(listen);
        }
        if (!outputs.isEmpty()) {
            List<OutputSpec> specs = new ArrayList<>();
            outputs.forEach(o -> specs.add(OutputSpec.parse(o)));
            effective = effective.withOutputs(specs);
        }
        if (metrics != null) {
            effective = effective.withMetrics(CollectorConfig.parseAddress(metrics));
        }
        if (spool != null) {
            SpoolSettings settings = ConfigFile.spoolSettings(spool, spoolMaxBytes, spoolWhenFull, spoolFsyncMillis);
            List<OutputSpec> spooled = new ArrayList<>();
            for (OutputSpec output : effective.outputs()) {
                spooled.add(output.canSpool() ? output.spooledUnder(settings) : output);
            }
            effective = effective.withOutputs(spooled);
        } else if (spoolMaxBytes != null || spoolWhenFull != null || spoolFsyncMillis != null) {
            throw new IllegalArgumentException(
                    "--spool-max-bytes, --spool-when-full and --spool-fsync-ms need --spool DIR");
        }
        return effective;
    }

    /** {@code validate FILE}: exit 0 and a summary if the file is usable, 2 and the line and reason if not. */
    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a config file and exit.")
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The TOML config file to check.")
        Path file;

        @Override
        public Integer call() {
            try {
                CollectorConfig checked = ConfigFile.read(file);
                System.out.println(file + ": OK (listen " + checked.socket().path() + ", outputs "
                        + checked.outputs().stream().map(OutputSpec::describe).toList() + ")");
                return 0;
            } catch (ConfigException e) {
                System.err.println(e.getMessage());
                return CONFIG_ERROR;
            }
        }
    }
}
