package io.journald4j.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The configuration the contract suite asks of every adapter, in each framework's own terms. */
public final class AdapterSettings {

    public final Path socketPath;
    public final String syslogIdentifier;
    public final String policy;
    public final long blockTimeoutMillis;
    public final List<String> staticFields;
    public final boolean callerData;
    public final int maxEntrySize;

    private AdapterSettings(
            Path socketPath,
            String syslogIdentifier,
            String policy,
            long blockTimeoutMillis,
            List<String> staticFields,
            boolean callerData,
            int maxEntrySize) {
        this.socketPath = socketPath;
        this.syslogIdentifier = syslogIdentifier;
        this.policy = policy;
        this.blockTimeoutMillis = blockTimeoutMillis;
        this.staticFields = Collections.unmodifiableList(staticFields);
        this.callerData = callerData;
        this.maxEntrySize = maxEntrySize;
    }

    public static AdapterSettings of(Path socketPath, String syslogIdentifier) {
        return new AdapterSettings(socketPath, syslogIdentifier, "block", 5000, new ArrayList<>(), false, 64 << 20);
    }

    public AdapterSettings policy(String newPolicy) {
        return new AdapterSettings(
                socketPath, syslogIdentifier, newPolicy, blockTimeoutMillis, staticFields, callerData, maxEntrySize);
    }

    public AdapterSettings blockTimeoutMillis(long millis) {
        return new AdapterSettings(
                socketPath, syslogIdentifier, policy, millis, staticFields, callerData, maxEntrySize);
    }

    public AdapterSettings staticField(String pair) {
        List<String> more = new ArrayList<>(staticFields);
        more.add(pair);
        return new AdapterSettings(
                socketPath, syslogIdentifier, policy, blockTimeoutMillis, more, callerData, maxEntrySize);
    }

    public AdapterSettings callerData(boolean enabled) {
        return new AdapterSettings(
                socketPath, syslogIdentifier, policy, blockTimeoutMillis, staticFields, enabled, maxEntrySize);
    }

    public AdapterSettings maxEntrySize(int bytes) {
        return new AdapterSettings(
                socketPath, syslogIdentifier, policy, blockTimeoutMillis, staticFields, callerData, bytes);
    }
}
