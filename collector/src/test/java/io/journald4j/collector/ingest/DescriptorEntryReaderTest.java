package io.journald4j.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptorEntryReaderTest {

    @ParameterizedTest
    @CsvSource({
        "/dev/shm/journald4j-1.entry (deleted), true",
        "/tmp/x, true",
        "/var/tmp/x (deleted), true",
        "/memfd:journal-data (deleted), true",
        "/tmp/sub/x, false",
        "/run/x, false",
        "/dev/shm/, false",
        "/tmpfoo/x, false"
    })
    void shouldAcceptOnlyJournaldsAllowedLocations(String target, boolean allowed) {
        assertThat(DescriptorEntryReader.isAllowedLocation(target)).isEqualTo(allowed);
    }
}
