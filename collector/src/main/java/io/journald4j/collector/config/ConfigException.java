package io.journald4j.collector.config;

/** A config file that cannot be used; the message names the file, the line and the reason. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
