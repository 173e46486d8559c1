package io.journald4j.jul;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A plain JUL application for {@link LoggingPropertiesIT}, run in a child JVM configured only by
 * {@code -Djava.util.logging.config.file}. It logs one of each kind of record and prints {@code done}
 * when nothing was thrown into it; LogManager's shutdown hook closes the handler.
 */
public final class LoggingPropertiesApp {

    private LoggingPropertiesApp() {}

    public static void main(String[] args) throws IOException {
        Logger orders = Logger.getLogger("app.Orders");
        orders.log(Level.INFO, "order {0} placed by {1}", new Object[] {42, "ann"});
        orders.config("configured");
        orders.fine("below the handler's level");
        orders.log(Level.SEVERE, "payment failed", new IllegalStateException("card declined"));
        Logger bundled = Logger.getLogger("app.Bundled", TestMessages.class.getName());
        bundled.log(Level.WARNING, "greeting", "Zürich");
        System.out.println("done");
    }
}
