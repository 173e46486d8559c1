package io.journald4j.benchmarks;

/**
 * The {@code --entries=N --rounds=N} options of the end-to-end collector benchmarks.
 *
 * @param entries entries per variant and round
 * @param rounds how many times every variant runs
 */
record EntriesAndRounds(int entries, int rounds) {

    static EntriesAndRounds parse(String[] args, int defaultEntries, int defaultRounds) {
        int entries = defaultEntries;
        int rounds = defaultRounds;
        for (String arg : args) {
            if (arg.startsWith("--entries=")) {
                entries = Integer.parseInt(arg.substring("--entries=".length()));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring("--rounds=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; use --entries=N --rounds=N");
            }
        }
        return new EntriesAndRounds(entries, rounds);
    }
}
