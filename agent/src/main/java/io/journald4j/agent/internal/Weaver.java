package io.journald4j.agent.internal;

import io.journald4j.agent.bootstrap.JournalBridge;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects the bridge to the {@link Dispatcher} and weaves the {@link DispatchPoint}s: those loaded later
 * as they load, those already loaded ({@code java.util.logging.Logger} may be) by retransformation.
 *
 * <p>Plain ASM rather than Byte Buddy's agent builder: the same weaving, without the second and more of
 * start-up Byte Buddy takes to set itself up.
 */
final class Weaver {

    private Weaver() {}

    static void weave(Instrumentation instrumentation, Map<String, String> options) {
        JournalBridge.install(new Dispatcher(AgentSettings.of(options)));
        exposeBridgeToJavaLogging(instrumentation);
        instrumentation.addTransformer(new DispatchPointTransformer(), true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (DispatchPoint.inClass(type.getName().replace('.', '/')) != null
                    && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                Diagnostics.reportOnce("retransform", "cannot capture events of " + loaded + " (" + e + ")");
            }
        }
    }

    /**
     * Lets {@code java.logging} read the module the bridge is in (the bootstrap loader's unnamed module):
     * woven code in a named module cannot otherwise link against it. Looked up without loading JUL.
     */
    private static void exposeBridgeToJavaLogging(Instrumentation instrumentation) {
        Optional<Module> logging = ModuleLayer.boot().findModule("java.logging");
        if (logging.isPresent()) {
            instrumentation.redefineModule(
                    logging.get(),
                    Collections.singleton(JournalBridge.class.getModule()),
                    Collections.emptyMap(),
                    Collections.emptyMap(),
                    Collections.emptySet(),
                    Collections.emptyMap());
        }
    }
}
