package io.journald4j.collector.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.journald4j.collector.SuppressForbidden;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus text) and {@code /health} ({@link Health}: ok, degraded or
 * unhealthy) with the JDK's built-in HTTP server: no dependency for two
 * read-only endpoints.
 */
@SuppressForbidden(
        reason = "com.sun.net.httpserver is the exported, supported jdk.httpserver module, not a JDK internal")
public final class MetricsServer {

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    public static MetricsServer start(InetSocketAddress address, CollectorMetrics metrics, Supplier<Health> health)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        server.createContext(
                "/metrics",
                exchange -> respond(
                        exchange, 200, "text/plain; version=0.0.4; charset=utf-8", PrometheusText.render(metrics)));
        server.createContext("/health", exchange -> {
            Health now = health.get();
            respond(exchange, now.httpStatus(), "text/plain; charset=utf-8", now.body());
        });
        server.start();
        return new MetricsServer(server);
    }

    /** The bound address (useful with port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
