package io.journald4j.entry;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The default {@code SYSLOG_IDENTIFIER}: the application's name as its command line shows it.
 *
 * <p>libsystemd would write {@code java} for every JVM, which makes {@code journalctl -t} useless;
 * the jar's base name ({@code orders} for {@code java -jar orders.jar}) or the main class's simple
 * name tells services apart without configuration.
 */
public final class SyslogIdentifier {

    static final String FALLBACK = "java";

    private SyslogIdentifier() {}

    /** Derived from the {@code sun.java.command} system property, or {@code java} when absent. */
    public static String forThisApplication() {
        return fromCommand(System.getProperty("sun.java.command"));
    }

    static String fromCommand(String command) {
        if (command == null || command.trim().isEmpty()) {
            return FALLBACK;
        }
        String main = command.trim().split("\\s+", 2)[0];
        if (main.endsWith(".jar")) {
            Path file = Paths.get(main).getFileName();
            String name = file == null ? "" : file.toString();
            name = name.substring(0, name.length() - ".jar".length());
            return name.isEmpty() ? FALLBACK : name;
        }
        int dot = main.lastIndexOf('.');
        String simple = main.substring(dot + 1);
        int slash = simple.lastIndexOf('/');
        simple = simple.substring(slash + 1);
        return simple.isEmpty() ? FALLBACK : simple;
    }
}
