package io.journald4j.collector.spool;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.collector.DaemonLog;
import io.journald4j.collector.TinyDisk;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spool on a disk that fills up before the spool's own cap: every message spooled or counted, none torn. */
class SpoolFullDiskIT {

    @TempDir
    Path dir;

    @Test
    void aFullDiskLosesOnlyWhatItCouldNotWriteAndLeavesNoPartialRecord() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("tiny"), "192k")) {
            Path tiny = disk.directory();
            SpoolSettings settings =
                    new SpoolSettings(tiny.resolve("spool"), 16L << 20, SpoolFullPolicy.BLOCK, Duration.ofSeconds(1));
            long appended = 0;
            long lost = 0;
            int attempts = 3000;
            try (Spool spool = Spool.open(settings, new DaemonLog())) {
                for (int i = 0; i < attempts; i++) {
                    try {
                        long sequence = spool.append(
                                ByteBuffer.wrap(("MESSAGE=" + i + " " + "x".repeat(300) + "\n")
                                        .getBytes(StandardCharsets.US_ASCII)),
                                i);
                        assertThat(sequence).isEqualTo(appended);
                        appended++;
                    } catch (SpoolWriteException e) {
                        lost += e.lost();
                        appended -= e.lost() - 1; // the buffered ones had been counted; this one had not
                    }
                    if (i % 7 == 0) {
                        try {
                            spool.commit();
                        } catch (SpoolWriteException e) {
                            lost += e.lost();
                            appended -= e.lost();
                        }
                    }
                }
                try {
                    spool.commit();
                } catch (SpoolWriteException e) {
                    lost += e.lost();
                    appended -= e.lost();
                }
            } catch (SpoolWriteException e) {
                lost += e.lost(); // close's final commit
                appended -= e.lost();
            }
            assertThat(lost).as("the disk filled up").isPositive();
            assertThat(appended + lost).isEqualTo(attempts);
            try (Spool reopened = Spool.open(settings, new DaemonLog());
                    SpoolReader reader = reopened.reader()) {
                assertThat(reopened.recovery().corruptSegments())
                        .as("no partial record")
                        .isZero();
                long expected = 0;
                while (reader.next()) {
                    assertThat(reader.sequence()).isEqualTo(expected);
                    expected++;
                }
                assertThat(expected)
                        .as("every message that was spooled, and only those")
                        .isEqualTo(appended);
            }
        }
    }
}
