package io.journald4j.log4j;

import io.journald4j.testing.AbstractJournalAppenderTest;
import io.journald4j.testing.AdapterSettings;
import io.journald4j.testing.ContractLogger;

/** The shared adapter contract, run against the Log4j 2 appender and a real journald. */
class JournalAppenderContractIT extends AbstractJournalAppenderTest {

    @Override
    protected ContractLogger open(AdapterSettings settings) {
        return new Log4jContractLogger(settings);
    }
}
