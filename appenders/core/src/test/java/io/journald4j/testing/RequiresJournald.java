package io.journald4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that start a {@link PrivateJournald}. Without systemd-journald they are skipped on a
 * developer machine but fail in CI (system property {@code journald4j.requireJournald=true} or
 * environment variable {@code CI=true}), so that a misconfigured CI image cannot silently skip the
 * only tests that check real journald behaviour. See {@link JournaldCondition}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(JournaldCondition.class)
public @interface RequiresJournald {}
