package io.journald4j.collector.metrics;

/**
 * What {@code /health} reports: {@code ok}; {@code degraded} while the collector receives but an
 * output is down (its spool or buffer is absorbing the outage: HTTP 200, so a liveness probe does
 * not restart a collector that is doing its job); {@code unhealthy} when it no longer receives (HTTP 503).
 *
 * @param detail which outputs are down and why; empty when ok
 */
public record Health(Level level, String detail) {

    public enum Level {
        OK,
        DEGRADED,
        UNHEALTHY
    }

    public static Health ok() {
        return new Health(Level.OK, "");
    }

    int httpStatus() {
        return level == Level.UNHEALTHY ? 503 : 200;
    }

    String body() {
        String word = level.name().toLowerCase(java.util.Locale.ROOT);
        return detail.isEmpty() ? word + "\n" : word + ": " + detail + "\n";
    }
}
