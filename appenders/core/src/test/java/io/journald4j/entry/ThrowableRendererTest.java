package io.journald4j.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ThrowableRendererTest {

    private static String jdkRendering(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n").stripTrailing();
    }

    @Test
    void shouldRenderLikePrintStackTraceWithCausesAndSuppressed() {
        Exception root = new IllegalStateException("root");
        Exception middle = new RuntimeException("middle", root);
        Exception top = new IllegalArgumentException("top", middle);
        Exception suppressed = new java.io.IOException("closing", new ArithmeticException("nested"));
        top.addSuppressed(suppressed);
        middle.addSuppressed(new UnsupportedOperationException());
        assertThat(ThrowableRenderer.render(top, new StringBuilder()).toString())
                .isEqualTo(jdkRendering(top));
    }

    @Test
    void shouldStopAtACircularCause() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        String rendered = ThrowableRenderer.render(a, new StringBuilder()).toString();
        assertThat(rendered).isEqualTo(jdkRendering(a)).contains("[CIRCULAR REFERENCE: java.lang.Exception: a]");
    }
}
