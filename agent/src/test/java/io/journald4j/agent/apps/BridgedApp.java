package io.journald4j.agent.apps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** SLF4J bound to Log4j 2 (log4j-slf4j2-impl), and JUL routed into SLF4J (jul-to-slf4j). */
public final class BridgedApp {

    private BridgedApp() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        MDC.put("run_id", args[0]);
        Logger slf4j = LoggerFactory.getLogger("bridged.slf4j");
        slf4j.info("through slf4j");
        java.util.logging.Logger.getLogger("bridged.jul").warning("through jul");
        org.apache.logging.log4j.LogManager.getLogger("bridged.log4j").error("through the log4j api");
        System.out.println("done");
    }
}
