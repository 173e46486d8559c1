package io.journald4j.logback;

import io.journald4j.testing.AbstractJournalAppenderTest;
import io.journald4j.testing.AdapterSettings;
import io.journald4j.testing.ContractLogger;

/** The shared adapter contract, run against the Logback appender and a real journald. */
class JournaldAppenderContractIT extends AbstractJournalAppenderTest {

    @Override
    protected ContractLogger open(AdapterSettings settings) {
        return new LogbackContractLogger(settings);
    }
}
