package io.journald4j.jul;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The text of {@code MESSAGE}: the configured formatter's output without its line separator, or else
 * the message with its resource bundle and parameters applied, as {@link Formatter#formatMessage} does.
 *
 * <p>A whole {@code SimpleFormatter} line would repeat in {@code MESSAGE} what the entry already holds as
 * fields (time, level, logger). A record without bundle or parameters, the common case, is written as it
 * is, without allocating.
 */
final class MessageText {

    /** Stateless, so one instance serves every thread: {@code formatMessage} is not synchronized. */
    private static final Formatter MESSAGE_ONLY = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private MessageText() {}

    /** {@code MESSAGE} for {@code record}; {@code formatter} may be null. */
    static String of(LogRecord record, Formatter formatter) {
        if (formatter != null) {
            return withoutLineSeparator(formatter.format(record));
        }
        String message = record.getMessage();
        if (message == null) {
            return "";
        }
        Object[] parameters = record.getParameters();
        if (record.getResourceBundle() == null && (parameters == null || parameters.length == 0)) {
            return message;
        }
        return MESSAGE_ONLY.formatMessage(record);
    }

    /** Drops one trailing {@code \n} or {@code \r\n}: formatters end lines for consoles and files, not for fields. */
    static String withoutLineSeparator(String text) {
        if (text == null) {
            return "";
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end == text.length() ? text : text.substring(0, end);
    }
}
