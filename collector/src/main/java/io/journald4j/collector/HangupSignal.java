package io.journald4j.collector;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Runs a reload on SIGHUP, the daemon convention for "read your configuration again".
 *
 * <p>{@code sun.misc.Signal} in the exported {@code jdk.unsupported} module is the JDK's only signal
 * API. It is reached reflectively because javac flags every direct use as proprietary with a
 * warning no annotation can silence, and the build treats warnings as errors.
 */
final class HangupSignal {

    private HangupSignal() {}

    /**
     * Installs the handler.
     *
     * @throws IllegalStateException when this JVM offers no signal API
     */
    static void onHangup(Runnable reload) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            InvocationHandler onSignal = (proxy, method, args) -> {
                switch (method.getName()) {
                    case "handle":
                        reload.run();
                        return null;
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        return "SIGHUP reload handler";
                }
            };
            Object handler =
                    Proxy.newProxyInstance(HangupSignal.class.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
            Object hangup = signalType.getConstructor(String.class).newInstance("HUP");
            signalType.getMethod("handle", signalType, handlerType).invoke(null, hangup, handler);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot install the SIGHUP handler: " + e, e);
        }
    }
}
