package io.journald4j.collector.config;

/** A config value that parses but is not acceptable; it names its key so the error can name the line. */
final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidValueException(String key, IllegalArgumentException cause) {
        super(key + ": " + cause.getMessage(), cause);
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Runs a check, naming {@code key} when it fails. */
    static <T> T check(String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(key, e);
        }
    }
}
