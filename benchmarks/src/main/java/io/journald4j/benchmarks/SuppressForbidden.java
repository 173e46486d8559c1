package io.journald4j.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells forbiddenapis that the annotated code uses a non-portable API on purpose: the harness needs
 * HotSpot's per-thread allocation and process CPU counters, which only {@code com.sun.management} offers.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
@interface SuppressForbidden {
    /** Why the forbidden API is needed. */
    String reason();
}
