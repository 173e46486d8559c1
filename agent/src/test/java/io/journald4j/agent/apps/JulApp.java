package io.journald4j.agent.apps;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs through java.util.logging only, with the JDK's default configuration (a console handler on stderr). */
public final class JulApp {

    private JulApp() {}

    public static void main(String[] args) {
        Logger log = Logger.getLogger("jul.app");
        log.info("hello from jul");
        log.log(Level.WARNING, "jul warning", new IllegalStateException("boom"));
        log.fine("below the logger's level");
        System.out.println("done");
    }
}
