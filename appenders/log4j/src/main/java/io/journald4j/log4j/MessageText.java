package io.journald4j.log4j;

import io.journald4j.entry.EntryBuffer;
import io.journald4j.protocol.JournalField;
import java.io.Serializable;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.impl.LocationAware;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * Writes {@code MESSAGE}: the configured layout's output, or else the event's formatted message.
 *
 * <p>Formats into the entry buffer's builder wherever Log4j allows it ({@link StringBuilderFormattable}
 * messages, {@link PatternLayout#serialize}), instead of {@code getFormattedMessage()}, which builds a
 * new String per event. Without a layout, a {@link MapMessage} with a {@code message} entry uses that
 * entry as the text (as the ECS layout does), rather than the whole map rendered as {@code k="v"} pairs.
 */
final class MessageText {

    /** The map-message entry that holds the human-readable text rather than a field. */
    static final String MAP_MESSAGE_TEXT_KEY = "message";

    private final Layout<? extends Serializable> layout;

    /** {@code layout} may be null: the formatted message is written then. */
    MessageText(Layout<? extends Serializable> layout) {
        this.layout = layout;
    }

    /** Whether a map message's {@code message} entry becomes MESSAGE (and so is no field of its own). */
    boolean takesTextFromMapMessages() {
        return layout == null;
    }

    boolean requiresLocation() {
        return layout instanceof LocationAware && ((LocationAware) layout).requiresLocation();
    }

    void write(LogEvent event, EntryBuffer buffer) {
        if (layout == null) {
            writeMessage(event.getMessage(), buffer);
        } else if (layout instanceof PatternLayout) {
            StringBuilder text = buffer.text();
            ((PatternLayout) layout).serialize(event, text);
            buffer.encoder().field(JournalField.MESSAGE, text);
        } else if (layout instanceof StringLayout) {
            buffer.encoder().field(JournalField.MESSAGE, ((StringLayout) layout).toSerializable(event));
        } else {
            byte[] bytes = layout.toByteArray(event);
            buffer.encoder().field(JournalField.MESSAGE, bytes, 0, bytes.length);
        }
    }

    private static void writeMessage(Message message, EntryBuffer buffer) {
        if (message instanceof MapMessage) {
            Object text =
                    ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap().getValue(MAP_MESSAGE_TEXT_KEY);
            if (text != null) {
                buffer.encoder()
                        .field(
                                JournalField.MESSAGE,
                                text instanceof CharSequence ? (CharSequence) text : String.valueOf(text));
                return;
            }
        }
        if (message instanceof StringBuilderFormattable) {
            StringBuilder text = buffer.text();
            ((StringBuilderFormattable) message).formatTo(text);
            buffer.encoder().field(JournalField.MESSAGE, text);
        } else {
            buffer.encoder()
                    .field(
                            JournalField.MESSAGE,
                            String.valueOf(message == null ? null : message.getFormattedMessage()));
        }
    }
}
