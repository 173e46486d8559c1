/**
 * {@link io.journald4j.jul.JournaldHandler}: java.util.logging records as structured journald entries.
 *
 * <p>The handler only maps a {@link java.util.logging.LogRecord} to the fields of the contract shared by
 * every journald4j adapter; encoding, the socket, the failure policy and drop reporting come from
 * {@code journald4j-core}, so a record reads in the journal exactly as a Logback event does.
 */
package io.journald4j.jul;
