package io.journald4j.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * A small order service that logs structured events through SLF4J and Logback, configured with
 * {@code logback.xml} on its class path to write to the journal as {@code SYSLOG_IDENTIFIER=orders}.
 *
 * <p>It shows what each kind of event becomes: MDC entries ({@code USER_ID}), SLF4J 2 key-value pairs
 * ({@code ORDER_ID}, {@code AMOUNT_CENTS}), a marker, a multi-line message, non-ASCII text, and an
 * exception with its cause. See {@code run-demo.sh} next to the pom for the journalctl side.
 */
public final class OrdersExample {

    private static final Logger log = LoggerFactory.getLogger(OrdersExample.class);

    private OrdersExample() {}

    public static void main(String[] args) {
        MDC.put("user_id", "42");
        MDC.put("request.id", "r-7f3a");
        try {
            log.atInfo()
                    .addKeyValue("order_id", 1001)
                    .addKeyValue("amount_cents", 2599)
                    .log("Order placed by Zoë for 25,99 €");
            log.atWarn()
                    .addMarker(MarkerFactory.getMarker("AUDIT"))
                    .addKeyValue("order_id", 1001)
                    .log("Order total changed after payment");
            log.debug("Order lines:\n  1 × coffee\n  2 × croissant");
            try {
                chargeCard(1001);
            } catch (IllegalStateException e) {
                log.atError().addKeyValue("order_id", 1001).setCause(e).log("Payment failed");
            }
        } finally {
            MDC.clear();
        }
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static void chargeCard(int orderId) {
        try {
            throw new java.io.IOException("card processor timed out after 3000 ms");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not charge order " + orderId, e);
        }
    }
}
