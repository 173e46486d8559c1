package io.journald4j.jul;

import io.journald4j.entry.EntryBuffer;
import io.journald4j.protocol.JournalEncoder;
import io.journald4j.protocol.JournalField;
import java.util.logging.LogRecord;

/**
 * Writes {@code CODE_FUNC}, and {@code CODE_FILE} and {@code CODE_LINE} where they can be found.
 *
 * <p>A {@link LogRecord} knows its caller's class and method but not the file and line, which the
 * contract asks for too. On the logging thread the caller's frame is still on the stack, so a stack
 * walk finds the most recent frame of that class and method and reads them from it. A record published
 * on another thread, or one whose source was set by hand to a method not on the stack, gets
 * {@code CODE_FUNC} alone.
 */
final class CallerData {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallerData() {}

    static void write(LogRecord record, boolean onLoggingThread, EntryBuffer buffer) {
        String className = record.getSourceClassName();
        if (className == null) {
            return;
        }
        String methodName = record.getSourceMethodName();
        JournalEncoder encoder = buffer.encoder();
        StackWalker.StackFrame frame = onLoggingThread ? find(className, methodName) : null;
        if (frame != null && frame.getFileName() != null) {
            encoder.field(JournalField.CODE_FILE, frame.getFileName());
        }
        if (frame != null && frame.getLineNumber() >= 0) {
            encoder.field(JournalField.CODE_LINE, frame.getLineNumber());
        }
        StringBuilder function = buffer.text().append(className);
        if (methodName != null) {
            function.append('.').append(methodName);
        }
        encoder.field(JournalField.CODE_FUNC, function);
    }

    private static StackWalker.StackFrame find(String className, String methodName) {
        return WALKER.walk(frames -> frames.filter(frame -> frame.getClassName().equals(className)
                        && (methodName == null || frame.getMethodName().equals(methodName)))
                .findFirst()
                .orElse(null));
    }
}
