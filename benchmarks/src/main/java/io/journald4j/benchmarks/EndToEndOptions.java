package io.journald4j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link EndToEnd}, as {@code --name=value}. */
final class EndToEndOptions {

    long events = 200_000;
    long warmup = 50_000;
    int rounds = 3;
    boolean journald = true;
    boolean receiver = true;
    boolean peer = true;
    /** Set by the launcher on the child it starts in a private mount namespace; not for users. */
    String journaldNamespace;

    long journaldPid = -1;

    static EndToEndOptions parse(String[] args) {
        EndToEndOptions options = new EndToEndOptions();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? "" : arg.substring(equals + 1);
            switch (name) {
                case "--events" -> options.events = Long.parseLong(value);
                case "--warmup" -> options.warmup = Long.parseLong(value);
                case "--rounds" -> options.rounds = Integer.parseInt(value);
                case "--no-journald" -> options.journald = false;
                case "--no-receiver" -> options.receiver = false;
                case "--no-peer" -> options.peer = false;
                case "--inside-namespace" -> options.journaldNamespace = value;
                case "--journald-pid" -> options.journaldPid = Long.parseLong(value);
                default ->
                    throw new IllegalArgumentException("unknown option " + arg + "; known: --events=N"
                            + " --warmup=N --rounds=N --no-journald --no-receiver --no-peer");
            }
        }
        return options;
    }

    /** The options again, for the child run, with where its journald is. */
    List<String> forChild(String namespace, long pid) {
        List<String> args = new ArrayList<>();
        args.add("--events=" + events);
        args.add("--warmup=" + warmup);
        args.add("--rounds=" + rounds);
        if (!receiver) {
            args.add("--no-receiver");
        }
        args.add("--inside-namespace=" + namespace);
        args.add("--journald-pid=" + pid);
        return args;
    }
}
