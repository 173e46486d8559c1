package io.journald4j.agent.internal;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Wraps one dispatch method's body in {@code JournalBridge.enter(...); try { body } finally { exit(); }}.
 *
 * <p>The catch-all handler is registered after the method's own, so the JVM tries it last: it only sees
 * what escapes the method. Its stack map frame holds just the receiver and the parameters, which the
 * method never reassigns to other types; the frames of the original code are kept as they are (expanded).
 */
final class BridgeCallsAdder extends MethodVisitor {

    private static final String BRIDGE = "io/journald4j/agent/bootstrap/JournalBridge";

    private final DispatchPoint point;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    BridgeCallsAdder(MethodVisitor next, DispatchPoint point) {
        super(Opcodes.ASM9, next);
        this.point = point;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitInsn(Opcodes.ICONST_0 + point.framework);
        switch (point.source) {
            case THIS:
                super.visitVarInsn(Opcodes.ALOAD, 0);
                break;
            case SECOND_ARGUMENT:
                super.visitVarInsn(Opcodes.ALOAD, 2);
                break;
            default:
                super.visitInsn(Opcodes.ACONST_NULL);
                break;
        }
        super.visitVarInsn(Opcodes.ALOAD, 1);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enter", "(ILjava/lang/Object;Ljava/lang/Object;)V", false);
        super.visitLabel(start);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            callExit();
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(end);
        super.visitTryCatchBlock(start, end, handler, null);
        super.visitLabel(handler);
        Type[] parameters = Type.getArgumentTypes(point.descriptor);
        Object[] locals = new Object[parameters.length + 1];
        locals[0] = point.className;
        for (int i = 0; i < parameters.length; i++) {
            locals[i + 1] = parameters[i].getInternalName();
        }
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        callExit();
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals);
    }

    private void callExit() {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "exit", "()V", false);
    }
}
