package io.journald4j.agent.apps;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs {@code warm-up + events} events through SLF4J from one thread and prints the CPU time that thread
 * spent per measured event, in nanoseconds: README's benchmark event (a 99-character message, 3 MDC entries).
 *
 * <p>Arguments: events, warm-up events.
 */
public final class CpuPerEventApp {

    private CpuPerEventApp() {}

    public static void main(String[] args) {
        int events = Integer.parseInt(args[0]);
        int warmUp = Integer.parseInt(args[1]);
        Logger log = LoggerFactory.getLogger("orders.checkout");
        MDC.put("user_id", "42");
        MDC.put("request_id", "7f3a2c9e-5b1d-4e8a-9c6f-0d2b4a6e8c1f");
        MDC.put("tenant", "blue");
        String message = String.format(
                Locale.ROOT, "%-99s", "order accepted: payment authorised, stock reserved, confirmation queued");
        for (int i = 0; i < warmUp; i++) {
            log.info(message);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < events; i++) {
            log.info(message);
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        System.out.println(cpu / events);
    }
}
