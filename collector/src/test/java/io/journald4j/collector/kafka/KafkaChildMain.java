package io.journald4j.collector.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Main class of the broker JVM that {@link KafkaBroker} starts: formats the storage on first start, then runs
 * {@code kafka.Kafka}. Its stdin is a pipe from the test JVM, so EOF there means the test JVM is gone (even after a
 * {@code kill -9}): the broker then exits instead of outliving the build.
 */
public final class KafkaChildMain {

    private KafkaChildMain() {}

    /** Arguments: the server.properties file, the data directory (log.dirs), the cluster id. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: KafkaChildMain SERVER_PROPERTIES DATA_DIR CLUSTER_ID");
        }
        String serverProperties = args[0];
        Path dataDirectory = Path.of(args[1]);
        String clusterId = args[2];
        watchParent(System.in);
        if (!Files.exists(dataDirectory.resolve("meta.properties"))) {
            int status = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", serverProperties}, System.out);
            if (status != 0) {
                System.exit(status);
            }
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }

    private static void watchParent(InputStream fromParent) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        while (fromParent.read() != -1) {
                            // The parent never writes: only EOF matters.
                        }
                    } catch (IOException e) {
                        // A broken pipe means the same as EOF: the parent is gone, so exit below.
                    }
                    // Runs Kafka's shutdown hook: a controlled shutdown, not a crash.
                    System.exit(0);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
