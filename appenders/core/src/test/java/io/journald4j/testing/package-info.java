/**
 * Test fixtures shared by every journald4j module through the core test-jar.
 *
 * <ul>
 *   <li>{@link io.journald4j.testing.PrivateJournald}: a real, private systemd-journald namespace
 *       instance, so integration tests check what journald actually stores rather than what we
 *       believe the protocol means.
 *   <li>{@link io.journald4j.testing.JournalRecord}: one entry read back through {@code journalctl
 *       -o json}, with exact-bytes access.
 *   <li>{@link io.journald4j.testing.RequiresJournald}: skips such tests on developer machines
 *       without journald, but fails them in CI so they can never be skipped silently.
 *   <li>{@link io.journald4j.testing.JournalDatagramReceiver}: a plain AF_UNIX datagram socket that
 *       records what a sender wrote (including descriptor-passed entries), for fast unit tests.
 * </ul>
 *
 * <p>Consumers of the test-jar must declare {@code jackson-databind} (used to parse journalctl's
 * JSON) in their own test scope: test-scoped dependencies are not transitive.
 */
package io.journald4j.testing;
