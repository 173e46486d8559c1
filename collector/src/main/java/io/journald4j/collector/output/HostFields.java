package io.journald4j.collector.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The trusted fields the collector adds to every entry, as journald does: {@code _HOSTNAME},
 * {@code _BOOT_ID}, {@code _MACHINE_ID} (each only where readable) and {@code _TRANSPORT=journal}.
 *
 * @param hostname from {@code /proc/sys/kernel/hostname}, or null
 * @param bootId from {@code /proc/sys/kernel/random/boot_id}, 32 hex digits, or null
 * @param machineId from {@code /etc/machine-id}, or null
 */
public record HostFields(String hostname, String bootId, String machineId) {

    public static HostFields readFromSystem() {
        String bootId = read(Paths.get("/proc/sys/kernel/random/boot_id"));
        return new HostFields(
                read(Paths.get("/proc/sys/kernel/hostname")),
                bootId == null ? null : bootId.replace("-", ""),
                read(Paths.get("/etc/machine-id")));
    }

    private static String read(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? null : value;
        } catch (IOException e) {
            return null;
        }
    }
}
