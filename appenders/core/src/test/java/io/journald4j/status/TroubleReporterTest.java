package io.journald4j.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.transport.DropReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TroubleReporterTest {

    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(10);

    /** A hand-written sink that keeps every message. */
    private static final class RecordingSink implements StatusSink {
        final List<String> errors = new ArrayList<>();
        final List<String> infos = new ArrayList<>();

        @Override
        public void warn(String message, Throwable cause) {
            errors.add(message);
        }

        @Override
        public void error(String message, Throwable cause) {
            errors.add(message);
        }

        @Override
        public void info(String message) {
            infos.add(message);
        }
    }

    @Test
    void shouldReportTheFirstDropAtOnceAndSumTheRestPerInterval() {
        RecordingSink sink = new RecordingSink();
        AtomicLong now = new AtomicLong();
        TroubleReporter reporter = new TroubleReporter(sink, INTERVAL, now::get);

        reporter.onDropped(DropReason.UNAVAILABLE, null);
        for (int i = 0; i < 999; i++) {
            reporter.onDropped(DropReason.UNAVAILABLE, null);
        }
        assertThat(sink.errors).hasSize(1).first().asString().contains("dropped 1 entry (UNAVAILABLE: 1)");

        now.addAndGet(INTERVAL);
        reporter.onDropped(DropReason.QUEUE_FULL, null);
        assertThat(sink.errors).hasSize(2);
        assertThat(sink.errors.get(1))
                .contains("dropped 1000 entries (UNAVAILABLE: 999, QUEUE_FULL: 1)")
                .contains("1001 dropped in all");
        assertThat(reporter.reportedDrops()).isEqualTo(1001);
    }

    @Test
    void shouldReportWhatIsPendingWhenTheJournalIsBackOrOnFlush() {
        RecordingSink sink = new RecordingSink();
        AtomicLong now = new AtomicLong();
        TroubleReporter reporter = new TroubleReporter(sink, INTERVAL, now::get);
        reporter.onDropped(DropReason.UNAVAILABLE, null);
        reporter.onDropped(DropReason.UNAVAILABLE, null);
        reporter.onDropped(DropReason.UNAVAILABLE, null);
        reporter.onReconnected();
        assertThat(sink.errors.get(1)).contains("reconnected").contains("dropped 2 entries");
        reporter.onDropped(DropReason.TOO_LARGE, null);
        reporter.onDropped(DropReason.TOO_LARGE, null);
        reporter.flush();
        assertThat(reporter.reportedDrops()).isEqualTo(5);
        reporter.onReconnected();
        assertThat(sink.infos).containsExactly("journald4j reconnected to the journal");
    }
}
