package io.journald4j.jul;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.ErrorManager;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * Reads a handler's settings from {@code logging.properties}, as JUL's own handlers do: each key is the
 * handler's class name, a dot and the setting ({@code io.journald4j.jul.JournaldHandler.policy=drop}).
 *
 * <p>Never throws: a value that cannot be read marks the settings invalid with a message naming the full
 * key, and the handler reports it. {@code errorManager} is read first so that it hears about the rest.
 * JUL offers no way to list the keys under a prefix, so a misspelt key cannot be detected; it is ignored.
 */
final class LogManagerProperties {

    private final String prefix;
    private final UnaryOperator<String> properties;
    private final JournaldHandlerBuilder builder = new JournaldHandlerBuilder();

    private LogManagerProperties(String prefix, UnaryOperator<String> properties) {
        this.prefix = prefix;
        this.properties = properties;
    }

    /** The settings under {@code prefix} in the LogManager's configuration. */
    static JournaldHandlerBuilder read(String prefix) {
        return read(prefix, key -> LogManager.getLogManager().getProperty(key));
    }

    static JournaldHandlerBuilder read(String prefix, UnaryOperator<String> properties) {
        LogManagerProperties reader = new LogManagerProperties(prefix, properties);
        try {
            reader.readAll();
        } catch (RuntimeException | LinkageError e) {
            reader.builder.invalid(
                    prefix + ": cannot read the configuration: " + e, e instanceof Exception ? (Exception) e : null);
        }
        return reader.builder;
    }

    private void readAll() {
        setting("errorManager", name -> builder.errorManager(newInstance(name, ErrorManager.class)));
        setting("level", name -> builder.level(Level.parse(name)));
        setting("filter", name -> builder.filter(newInstance(name, Filter.class)));
        setting("formatter", name -> builder.formatter(newInstance(name, Formatter.class)));
        setting("syslogIdentifier", builder::syslogIdentifier);
        setting("syslogFacility", builder::syslogFacility);
        setting("socketPath", builder::socketPath);
        setting("policy", builder::policy);
        setting("blockTimeout", text -> builder.blockTimeout(DurationProperty.parse(text)));
        setting("priorityMapping", builder::priorityMapping);
        setting("staticFields", this::staticFields);
        setting("includeCallerData", text -> builder.includeCallerData(parseBoolean(text)));
        setting("includeStackTrace", text -> builder.includeStackTrace(parseBoolean(text)));
        setting("maxEntrySize", text -> builder.maxEntrySize(Integer.parseInt(text)));
    }

    /** Applies the key's trimmed value, if set; a value that fails to apply invalidates the settings. */
    private void setting(String key, Function<String, JournaldHandlerBuilder> apply) {
        String value = properties.apply(prefix + "." + key);
        if (value == null || value.trim().isEmpty()) {
            return;
        }
        try {
            apply.apply(value.trim());
        } catch (IllegalArgumentException e) {
            builder.invalid(prefix + "." + key + ": " + e.getMessage(), e);
        }
    }

    /** {@code NAME=value,NAME=value}; a value cannot hold a comma. */
    private JournaldHandlerBuilder staticFields(String list) {
        for (String pair : list.split(",")) {
            if (!pair.trim().isEmpty()) {
                builder.staticField(pair.trim());
            }
        }
        return builder;
    }

    private static boolean parseBoolean(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException("'" + text + "' is not a boolean: use true or false");
        }
    }

    /**
     * An instance of the named class, made with its public no-argument constructor. Looked up in the
     * system class loader as JUL does, then in the thread's context class loader (application servers).
     */
    static <T> T newInstance(String className, Class<T> type) {
        try {
            Object instance = loadClass(className).getConstructor().newInstance();
            if (!type.isInstance(instance)) {
                throw new IllegalArgumentException(className + " is not a " + type.getName());
            }
            return type.cast(instance);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("cannot create " + type.getSimpleName() + " " + className + ": " + e, e);
        }
    }

    private static Class<?> loadClass(String className) throws ClassNotFoundException {
        try {
            return Class.forName(className, true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null) {
                throw e;
            }
            return Class.forName(className, true, context);
        }
    }
}
