package io.journald4j.agent.apps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs one event per level through SLF4J and Logback, whatever Logback's configuration holds. */
public final class LogbackLevelsApp {

    private LogbackLevelsApp() {}

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger("levels");
        MDC.put("run_id", args[0]);
        log.debug("debug event");
        log.info("info event");
        log.atWarn().addKeyValue("order_id", 42).log("warn event");
        log.error("error event", new IllegalArgumentException("bad"));
        System.out.println("done");
    }
}
