package io.journald4j.agent.apps;

import java.net.URISyntaxException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;

/** Logs through the Log4j 2 API and reconfigures Log4j twice mid-run: once without any appender. */
public final class Log4jReconfigureApp {

    private Log4jReconfigureApp() {}

    public static void main(String[] args) throws URISyntaxException {
        Logger log = LogManager.getLogger(Log4jReconfigureApp.class);
        ThreadContext.put("run_id", args[0]);
        log.info(MarkerManager.getMarker("AUDIT"), "configured by file");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.setConfigLocation(
                Log4jReconfigureApp.class.getResource("/apps/log4j2-silent.xml").toURI());
        log.warn("after reconfiguration without appenders");
        context.setConfigLocation(
                Log4jReconfigureApp.class.getResource("/apps/log4j2-async.xml").toURI());
        log.error("after reconfiguration", new IllegalStateException("boom"));
        LogManager.getLogger("async.worker").info("through an async logger config");
        log.debug("below the logger's level");
        LogManager.shutdown();
        System.out.println("done");
    }
}
