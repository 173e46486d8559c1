package io.journald4j.collector.kafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the test classes that run against a real broker: one per class, started before the
 * first test and closed after the last; a test may stop or kill it, and it runs again for the next.
 */
abstract class RealBrokerTest {

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaBroker().start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void restartTheBrokerIfATestStoppedIt() throws Exception {
        if (!broker.isRunning()) {
            broker.start();
        }
    }
}
