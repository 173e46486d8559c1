package io.journald4j.collector;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Exempts one class from the forbiddenapis check; {@link #reason()} says why the API is fine here. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SuppressForbidden {
    String reason();
}
