package io.journald4j.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journald4j.collector.config.CollectorConfig;
import io.journald4j.collector.config.OutputSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Test fixture: an in-process collector on a temporary socket, writing JSON lines to a temporary file. */
final class RunningCollector implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path directory;
    final Path socket;
    final Path output;
    final Collector collector;

    RunningCollector(Path directory, long maxDescriptorBytes) throws IOException {
        this(directory, maxDescriptorBytes, List.of());
    }

    /** A collector with a jsonl output to {@link #output} plus {@code moreOutputs}. */
    RunningCollector(Path directory, long maxDescriptorBytes, List<String> moreOutputs) throws IOException {
        this.directory = directory;
        this.socket = directory.resolve("socket");
        this.output = directory.resolve("out.jsonl");
        List<OutputSpec> outputs = new ArrayList<>();
        outputs.add(OutputSpec.parse("jsonl:" + output));
        moreOutputs.forEach(spec -> outputs.add(OutputSpec.parse(spec)));
        CollectorConfig defaults = CollectorConfig.defaults();
        CollectorConfig config = new CollectorConfig(
                        defaults.socket(),
                        maxDescriptorBytes,
                        16L * 1024 * 1024,
                        4096,
                        defaults.whenFull(),
                        outputs,
                        null,
                        Duration.ofSeconds(10))
                .withSocketPath(socket);
        this.collector = Collector.start(config, new DaemonLog());
    }

    /** All whole lines written so far, parsed; a line still being appended is left for the next call. */
    List<JsonNode> lines() {
        try {
            if (!Files.exists(output)) {
                return List.of();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            List<JsonNode> nodes = new ArrayList<>();
            int start = 0;
            for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
                nodes.add(JSON.readTree(text.substring(start, end)));
                start = end + 1;
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until {@code count} lines match, or 20 s pass; returns the matching lines. */
    List<JsonNode> await(Predicate<JsonNode> match, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonNode> found = List.of();
        while (System.nanoTime() < deadline) {
            found = lines().stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        return found;
    }

    static Predicate<JsonNode> field(String name, String value) {
        return node -> node.has(name) && value.equals(node.get(name).asText());
    }

    @Override
    public void close() {
        collector.stop();
    }
}
