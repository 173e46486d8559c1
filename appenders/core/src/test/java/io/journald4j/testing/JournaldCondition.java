package io.journald4j.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables {@link RequiresJournald} tests only where {@link PrivateJournald} can work: {@code
 * /lib/systemd/systemd-journald} is executable, {@code journalctl} is on the PATH and {@code
 * /etc/systemd} is writable (in practice: root on a systemd distribution; systemd need not run as
 * PID 1). Where it cannot, the tests are disabled, unless journald is required (system property
 * {@value #REQUIRE_PROPERTY}{@code =true}, or environment variable {@code CI} set to {@code true}
 * or {@code 1}), in which case evaluating the condition throws, failing the tests instead of
 * skipping them.
 */
public final class JournaldCondition implements ExecutionCondition {

    /** System property that turns a missing journald into a test failure; set by the CI build. */
    public static final String REQUIRE_PROPERTY = "journald4j.requireJournald";

    private static final Path CONFIG_DIR = Paths.get("/etc/systemd");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = missingPrerequisites();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("systemd-journald is available");
        }
        String reason = "systemd-journald is not usable here: " + String.join("; ", missing);
        if (isRequired()) {
            throw new IllegalStateException("systemd-journald is required in CI (" + REQUIRE_PROPERTY
                    + "=true or CI=true) but " + reason + ". Install the systemd package and run the build as root.");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /** Whether this environment demands that journald tests run rather than being skipped. */
    public static boolean isRequired() {
        if (Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false").trim())) {
            return true;
        }
        String ci = System.getenv("CI");
        return ci != null
                && (ci.trim().toLowerCase(Locale.ROOT).equals("true")
                        || ci.trim().equals("1"));
    }

    /** Human-readable list of what is missing; empty when {@link PrivateJournald} can run. */
    public static List<String> missingPrerequisites() {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(PrivateJournald.JOURNALD) || !Files.isExecutable(PrivateJournald.JOURNALD)) {
            missing.add(PrivateJournald.JOURNALD + " is not an executable file (install the systemd package)");
        }
        if (!onPath("journalctl")) {
            missing.add("journalctl is not on the PATH (install the systemd package)");
        }
        if (!Files.isDirectory(CONFIG_DIR) || !Files.isWritable(CONFIG_DIR)) {
            missing.add(CONFIG_DIR + " is not writable (PrivateJournald needs root)");
        }
        return missing;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Paths.get(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // Not a usable PATH entry.
            }
        }
        return false;
    }
}
