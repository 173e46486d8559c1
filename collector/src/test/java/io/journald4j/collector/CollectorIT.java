package io.journald4j.collector;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import io.journald4j.collector.ingest.Rejection;
import io.journald4j.logback.JournaldAppender;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.Malformation;
import io.journald4j.transport.DatagramJournalSender;
import io.journald4j.transport.SendListener;
import io.journald4j.transport.SenderConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The collector with real senders: the journald4j appender, raw datagrams, and a Python sender for odd descriptors. */
class CollectorIT {

    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binaryField(String name, long declaredLength, byte[] value, boolean terminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(name + "\n"));
        for (int i = 0; i < 8; i++) {
            out.write((int) (declaredLength >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(value);
        if (terminated) {
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Sends each datagram; a zero-length one through DatagramSocket, since junixsocket's channel skips empty writes. */
    private static void send(Path socket, byte[]... datagrams) throws IOException {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.connect(AFUNIXSocketAddress.of(socket));
            for (byte[] datagram : datagrams) {
                if (datagram.length == 0) {
                    channel.socket().send(new java.net.DatagramPacket(datagram, 0));
                } else {
                    channel.write(ByteBuffer.wrap(datagram));
                }
            }
        }
    }

    @Test
    void shouldWriteWhatTheLogbackAppenderSendsAsJournalctlJson() throws Exception {
        try (RunningCollector running = new RunningCollector(dir, 64L << 20)) {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            JournaldAppender appender = new JournaldAppender();
            appender.setContext(context);
            appender.setSocketPath(running.socket.toString());
            appender.setSyslogIdentifier("orders");
            appender.start();
            Logger logger = context.getLogger("collector.it");
            logger.addAppender(appender);
            context.getMDCAdapter().put("user_id", "42");
            logger.info("Zoë paid 25,99 €\nsecond line");
            logger.error("failed", new IllegalStateException("boom"));
            context.stop();

            List<JsonNode> lines = running.await(RunningCollector.field("SYSLOG_IDENTIFIER", "orders"), 2);
            assertThat(lines).hasSize(2);
            JsonNode info = lines.get(0);
            assertThat(info.get("MESSAGE").asText()).isEqualTo("Zoë paid 25,99 €\nsecond line");
            assertThat(info.get("USER_ID").asText()).isEqualTo("42");
            assertThat(info.get("PRIORITY").asText()).isEqualTo("6");
            assertThat(info.get("_TRANSPORT").asText()).isEqualTo("journal");
            assertThat(info.get("__REALTIME_TIMESTAMP").asLong())
                    .isCloseTo(System.currentTimeMillis() * 1000, org.assertj.core.data.Offset.offset(60_000_000L));
            assertThat(lines.get(1).get("EXCEPTION_TYPE").asText()).isEqualTo("java.lang.IllegalStateException");
        }
    }

    @Test
    void shouldCountEveryMalformedCaseAndKeepTheValidEntriesAroundThem() throws Exception {
        StringBuilder tooMany = new StringBuilder("TEST=too-many\n");
        for (int i = 0; i < 2000; i++) {
            tooMany.append("F").append(i).append("=v\n");
        }
        try (RunningCollector running = new RunningCollector(dir, 1024 * 1024)) {
            send(
                    running.socket,
                    utf8("TEST=valid-1\n"),
                    utf8("\nTEST=starts-with-separator\n"),
                    utf8("TEST=valid-2\nLAST=no newline"),
                    concat(utf8("TEST=valid-3\n"), binaryField("BIN", 100, utf8("short"), true)),
                    concat(utf8("TEST=valid-4\n"), binaryField("BIN", 2, utf8("xyz"), true)),
                    concat(utf8("TEST=oversize\n"), binaryField("BIN", 1L << 40, utf8("x"), true)),
                    utf8("lower=only invalid\n"),
                    utf8("TEST=valid-5\nbad-name=x\n_PID=1\n"),
                    utf8(tooMany.toString()),
                    utf8("TEST=valid-6\n\nTEST=valid-7\n"),
                    new byte[0],
                    utf8("TEST=valid-8\n"));
            List<JsonNode> valid = running.await(n -> n.get("TEST").asText().startsWith("valid-"), 8);
            assertThat(valid)
                    .extracting(n -> n.get("TEST").asText())
                    .containsExactlyInAnyOrder(
                            "valid-1", "valid-2", "valid-3", "valid-4", "valid-5", "valid-6", "valid-7", "valid-8");
            assertThat(running.lines()).noneMatch(n -> n.get("TEST").asText().equals("too-many"));
            assertThat(valid.stream()
                            .filter(n -> n.get("TEST").asText().equals("valid-5"))
                            .findFirst()
                            .orElseThrow()
                            .has("_PID"))
                    .as("client _ fields dropped")
                    .isFalse();

            var metrics = running.collector.metrics();
            assertThat(metrics.malformed(Malformation.EMPTY_ENTRY)).isEqualTo(1);
            assertThat(metrics.malformed(Malformation.TRAILING_NOISE)).isEqualTo(1);
            assertThat(metrics.malformed(Malformation.BAD_BINARY_FIELD)).isEqualTo(2);
            assertThat(metrics.malformed(Malformation.FIELD_TOO_LARGE)).isEqualTo(1);
            assertThat(metrics.malformed(Malformation.TOO_MANY_FIELDS)).isEqualTo(1);
            assertThat(metrics.malformed(Malformation.NO_VALID_FIELDS)).isEqualTo(1);
            assertThat(metrics.malformed(Malformation.INVALID_FIELD_NAME)).isEqualTo(3);
            assertThat(metrics.rejected(Rejection.EMPTY_DATAGRAM)).isEqualTo(1);
            assertThat(metrics.rejected(Rejection.NO_ENTRIES)).isEqualTo(4);
        }
    }

    @Test
    void shouldRefuseOddDescriptorsAndCloseEveryOne() throws Exception {
        try (RunningCollector running = new RunningCollector(dir, 1024 * 1024)) {
            long openBefore = openDescriptors();
            String script = String.join(
                    "\n",
                    "import os, socket, sys, array, tempfile",
                    "path = sys.argv[1]",
                    "def send(fds, payload=b''):",
                    "    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
                    "    s.sendmsg([payload] if payload else [], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', fds))], 0, path)",
                    "    s.close()",
                    "r, w = os.pipe(); os.write(w, b'TEST=pipe\\n'); send([r])",
                    "d = os.open('/tmp', os.O_RDONLY | os.O_DIRECTORY); send([d])",
                    "big = tempfile.TemporaryFile(dir='/dev/shm'); big.write(b'TEST=big\\n' + b'X=' + b'y' * 2000000 + b'\\n'); big.flush(); send([big.fileno()])",
                    "run = open('/run/journald4j-it-entry', 'w+b'); run.write(b'TEST=outside\\n'); run.flush(); os.unlink('/run/journald4j-it-entry'); send([run.fileno()])",
                    "empty = tempfile.TemporaryFile(dir='/dev/shm'); send([empty.fileno()])",
                    "two = tempfile.TemporaryFile(dir='/dev/shm'); two.write(b'TEST=two\\n'); two.flush(); send([two.fileno(), two.fileno()])",
                    "ok = tempfile.TemporaryFile(dir='/dev/shm'); ok.write(b'TEST=via-descriptor\\n'); ok.flush(); send([ok.fileno()], b'TEST=with-payload\\n')",
                    "ok2 = tempfile.TemporaryFile(dir='/dev/shm'); ok2.write(b'TEST=via-descriptor\\n\\nTEST=second-in-file\\n'); ok2.flush(); send([ok2.fileno()])",
                    "m = os.memfd_create('journal-data'); os.write(m, b'TEST=via-memfd\\n'); send([m])");
            Process python = new ProcessBuilder("python3", "-c", script, running.socket.toString())
                    .inheritIO()
                    .start();
            assertThat(python.waitFor()).isZero();

            assertThat(running.await(n -> n.get("TEST").asText().matches("via-descriptor|second-in-file|via-memfd"), 3))
                    .extracting(n -> n.get("TEST").asText())
                    .containsExactlyInAnyOrder("via-descriptor", "second-in-file", "via-memfd");
            var metrics = running.collector.metrics();
            assertThat(metrics.rejected(Rejection.DESCRIPTOR_NOT_REGULAR)).isEqualTo(2);
            assertThat(metrics.rejected(Rejection.DESCRIPTOR_TOO_LARGE)).isEqualTo(1);
            assertThat(metrics.rejected(Rejection.DESCRIPTOR_OUTSIDE_ALLOWED_DIRECTORIES))
                    .isEqualTo(1);
            assertThat(metrics.rejected(Rejection.DESCRIPTOR_EMPTY)).isEqualTo(1);
            assertThat(metrics.rejected(Rejection.TOO_MANY_DESCRIPTORS)).isEqualTo(1);
            assertThat(metrics.rejected(Rejection.PAYLOAD_WITH_DESCRIPTORS)).isEqualTo(1);
            assertThat(running.lines())
                    .noneMatch(n -> n.get("TEST").asText().matches("pipe|big|outside|two|with-payload"));
            assertThat(openDescriptors()).as("every received descriptor closed").isLessThanOrEqualTo(openBefore + 2);
        }
    }

    @Test
    void shouldDeliverATenMegabyteEntryPassedAsADescriptorWhole() throws Exception {
        String message = "0123456789".repeat(1_000_000);
        try (RunningCollector running = new RunningCollector(dir, 64L << 20);
                DatagramJournalSender sender = DatagramJournalSender.open(
                        SenderConfig.defaults().withSocketPath(running.socket), SendListener.NONE)) {
            JournalEncoder encoder = new JournalEncoder();
            encoder.field("TEST", "ten-megabytes").field("MESSAGE", message);
            assertThat(sender.send(encoder)).isTrue();
            assertThat(sender.statistics().deliveredViaDescriptor()).isEqualTo(1);
            List<JsonNode> lines = running.await(RunningCollector.field("TEST", "ten-megabytes"), 1);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).get("MESSAGE").asText()).isEqualTo(message);
        }
    }

    /** The collector's JSON must be exactly what journalctl -o json --all shows for the same datagram. */
    @Test
    @io.journald4j.testing.RequiresJournald
    void shouldWriteTheSameJsonAsJournalctlForTheSameDatagrams() throws Exception {
        byte[][] datagrams = {
            utf8("TEST=shape-1\nMESSAGE=plain ascii\nPRIORITY=6\n"),
            concat(utf8("TEST=shape-2\n"), binaryField("MESSAGE", 11, utf8("line1\nline2"), true), utf8("TABS=a\tb\n")),
            concat(
                    utf8("TEST=shape-3\nDUP=one\nDUP=two\nDUP=one\n"),
                    binaryField("BIN", 4, new byte[] {'a', 0, (byte) 0xFF, 'b'}, true)),
            utf8("TEST=shape-4\nUTF8=grüße ✓ 日本 😀\nQUOTE=say \"hi\" \\ bye\nEMPTY=\nCTRL=x\u0007y\nDEL=\u007f\n"),
            concat(
                    utf8("TEST=shape-5\n"),
                    binaryField("NONCHAR", 3, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, true),
                    binaryField("C1", 2, new byte[] {(byte) 0xC2, (byte) 0x85}, true),
                    utf8("BIG=" + "z".repeat(5000) + "\n")),
        };
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (io.journald4j.testing.PrivateJournald journald = io.journald4j.testing.PrivateJournald.start();
                RunningCollector running = new RunningCollector(dir, 1024 * 1024)) {
            send(journald.socketPath(), datagrams);
            send(running.socket, datagrams);
            for (int i = 1; i <= datagrams.length; i++) {
                String test = "shape-" + i;
                JsonNode ours =
                        running.await(RunningCollector.field("TEST", test), 1).get(0);
                JsonNode theirs = json.readTree(journald.awaitEntries("TEST", test, 1, java.time.Duration.ofSeconds(20))
                        .get(0)
                        .toString());
                java.util.Map<String, JsonNode> expected = new java.util.TreeMap<>();
                theirs.properties().forEach(f -> {
                    if (!f.getKey().startsWith("_")) {
                        expected.put(f.getKey(), f.getValue());
                    }
                });
                java.util.Map<String, JsonNode> actual = new java.util.TreeMap<>();
                ours.properties().forEach(f -> {
                    if (!f.getKey().startsWith("_")) {
                        actual.put(f.getKey(), f.getValue());
                    }
                });
                assertThat(actual).as(test).isEqualTo(expected);
                assertThat(ours.get("_TRANSPORT")).isEqualTo(theirs.get("_TRANSPORT"));
                assertThat(ours.get("_BOOT_ID")).isEqualTo(theirs.get("_BOOT_ID"));
                assertThat(ours.get("_MACHINE_ID")).isEqualTo(theirs.get("_MACHINE_ID"));
                assertThat(ours.get("_HOSTNAME")).isEqualTo(theirs.get("_HOSTNAME"));
            }
        }
    }

    private static long openDescriptors() throws IOException {
        try (var fds = java.nio.file.Files.list(java.nio.file.Paths.get("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
