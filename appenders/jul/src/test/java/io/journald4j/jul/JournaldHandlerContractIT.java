package io.journald4j.jul;

import io.journald4j.testing.AbstractJournalAppenderTest;
import io.journald4j.testing.AdapterSettings;
import io.journald4j.testing.ContractLogger;
import java.util.EnumSet;
import java.util.Set;

/**
 * The shared adapter contract, run against the JUL handler and a real journald. JUL has no MDC,
 * key-values or markers, so the contract's checks of those are skipped; everything else applies as is.
 */
class JournaldHandlerContractIT extends AbstractJournalAppenderTest {

    @Override
    protected ContractLogger open(AdapterSettings settings) {
        return new JulContractLogger(settings);
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }
}
