package io.journald4j.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.journald4j.agent.bootstrap.CaptureSink;
import io.journald4j.agent.bootstrap.JournalBridge;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatchPointTransformerTest {

    @AfterEach
    void uninstall() {
        JournalBridge.install(null);
    }

    @Test
    void shouldLeaveEveryOtherClassAlone() throws IOException {
        byte[] bytes = classFile(String.class);

        assertThat(new DispatchPointTransformer().transform(null, "java/lang/String", null, null, bytes))
                .isNull();
        assertThat(DispatchPointTransformer.weave(bytes, DispatchPoint.LOGBACK)).isNull();
    }

    @Test
    void shouldCaptureEachLogbackEventOnceAndLeaveTheBridgeEvenWhenAnAppenderThrows() throws Exception {
        RecordingSink sink = new RecordingSink();
        JournalBridge.install(sink);

        try (WeavingClassLoader loader = new WeavingClassLoader()) {
            Runnable scenario = (Runnable) loader.loadClass(LogbackScenario.class.getName())
                    .getConstructor()
                    .newInstance();
            scenario.run();
        }

        assertThat(sink.messages).containsExactly("first", "outer", "failing", "after failure");
        assertThat(sink.frameworks).containsOnly(JournalBridge.LOGBACK);
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Remembers each captured event's message; Logback's classes are not visible here, hence reflection. */
    private static final class RecordingSink implements CaptureSink {
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> frameworks = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void capture(int framework, Object source, Object event) {
            frameworks.add(framework);
            try {
                messages.add((String)
                        event.getClass().getMethod("getFormattedMessage").invoke(event));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
