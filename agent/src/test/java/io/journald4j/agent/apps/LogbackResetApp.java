package io.journald4j.agent.apps;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** Logs through SLF4J and Logback, resets Logback's context mid-run and reconfigures it from a file. */
public final class LogbackResetApp {

    private LogbackResetApp() {}

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger(LogbackResetApp.class);
        MDC.put("run_id", args[0]);
        log.info("configured by file");
        log.atInfo()
                .addKeyValue("order_id", 42)
                .addMarker(MarkerFactory.getMarker("AUDIT"))
                .log("with key-value and marker");
        log.debug("below the logger's level");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        log.warn("after reset, no appender");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogbackResetApp.class.getResource("/apps/logback-console.xml"));
        log.error("after reconfiguration", new IllegalStateException("boom"));
        System.out.println("done");
    }
}
