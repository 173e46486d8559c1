package io.journald4j.collector.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the line of a key in TOML text, so that binding errors (which Jackson's TOML reader reports
 * without a location) can still name the line: {@code collector.toml:7: ...}.
 *
 * <p>Understands what the config file uses: {@code [table]}, {@code [[array.of.tables]]} and
 * {@code key = value} lines; a key path is the table names, array indexes and the key.
 */
final class TomlLines {

    private final Map<String, Integer> lines = new HashMap<>();

    TomlLines(String text) {
        String table = "";
        Map<String, Integer> arrayCounts = new HashMap<>();
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].trim();
            if (row.startsWith("[[") && row.endsWith("]]")) {
                String name = row.substring(2, row.length() - 2).trim();
                int index = arrayCounts.merge(name, 1, Integer::sum) - 1;
                table = name + "." + index;
                lines.putIfAbsent(table, i + 1);
            } else if (row.startsWith("[") && row.endsWith("]")) {
                table = row.substring(1, row.length() - 1).trim();
                lines.putIfAbsent(table, i + 1);
            } else if (row.contains("=") && !row.startsWith("#")) {
                String key = row.substring(0, row.indexOf('=')).trim();
                lines.putIfAbsent(table.isEmpty() ? key : table + "." + key, i + 1);
            }
        }
    }

    /** The line of the deepest element of {@code path} that the text has, or -1. */
    int lineOf(List<String> path) {
        for (int depth = path.size(); depth > 0; depth--) {
            Integer line = lines.get(String.join(".", path.subList(0, depth)));
            if (line != null) {
                return line;
            }
        }
        return -1;
    }
}
