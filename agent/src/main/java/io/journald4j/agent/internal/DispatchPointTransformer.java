package io.journald4j.agent.internal;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves the {@link DispatchPoint}s as their classes load (or are retransformed), in any class loader.
 *
 * <p>Every other class costs one string comparison per dispatch point and is returned untouched. The
 * weaving adds no member and changes no signature, so already loaded classes can be retransformed. A
 * class that cannot be woven loads unchanged, after one stderr line.
 */
final class DispatchPointTransformer implements ClassFileTransformer {

    private final ClassLoader agentLoader = DispatchPointTransformer.class.getClassLoader();

    /**
     * Loads what {@link #transform} needs before it is registered: a class it needed while that very class
     * is being loaded (transformers see every class, the agent's own too) would be defined twice.
     */
    DispatchPointTransformer() {
        DispatchPoint.inClass("");
    }

    @Override
    public byte[] transform(
            ClassLoader loader,
            String className,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain,
            byte[] classfileBuffer) {
        if (className == null || loader == agentLoader) {
            return null;
        }
        DispatchPoint point = DispatchPoint.inClass(className);
        if (point == null) {
            return null;
        }
        try {
            return weave(classfileBuffer, point);
        } catch (RuntimeException | LinkageError e) {
            Diagnostics.reportOnce(
                    "weave " + className, "cannot capture events of " + className.replace('/', '.') + " (" + e + ")");
            return null;
        }
    }

    /** The class with {@code point} woven in, or null when the class has no such method. */
    static byte[] weave(byte[] classfile, DispatchPoint point) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] woven = new boolean[1];
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                        if (point.isMethod(name, descriptor) && (access & Opcodes.ACC_ABSTRACT) == 0) {
                            woven[0] = true;
                            return new BridgeCallsAdder(method, point);
                        }
                        return method;
                    }
                },
                ClassReader.EXPAND_FRAMES);
        return woven[0] ? writer.toByteArray() : null;
    }
}
