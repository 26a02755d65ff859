package io.graft.internal.importer;

import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts what {@code alembic upgrade|downgrade ... --sql} prints into the SQL of each revision.
 * The output is split into statements by Graft's own splitter; Alembic marks where each
 * revision's step starts with a comment line between statements
 * ({@code -- Running upgrade A, B -> C}, {@code -- Running downgrade C -> A, B}), and every
 * statement belongs to the step whose marker precedes it. Alembic's own bookkeeping is left out:
 * the statements on its version table ({@code CREATE TABLE}, {@code INSERT}, {@code UPDATE},
 * {@code DELETE}, {@code DROP TABLE alembic_version}) and the {@code BEGIN;} / {@code COMMIT;}
 * around its transaction. A statement that Alembic prints outside its transaction on a database
 * with transactional DDL (an {@code autocommit_block()}) makes its revision
 * {@code transaction: false}.
 */
final class AlembicSql {

    /**
     * One revision's part of the output.
     *
     * @param revision Alembic's revision id
     * @param statements its statements, without their terminators
     * @param outsideTransaction whether a statement ran outside Alembic's transaction
     */
    record Step(String revision, List<String> statements, boolean outsideTransaction) {

        /** The statements as an SQL file. */
        String text() {
            StringBuilder out = new StringBuilder();
            for (String s : statements) {
                out.append(s).append(";\n\n");
            }
            return out.toString();
        }
    }

    /**
     * The steps of one run, by revision, in the order Alembic ran them.
     *
     * @param steps by Alembic revision id
     * @param before statements printed before the first step that are not Alembic's bookkeeping
     *     (env.py's own {@code context.execute}); they belong to no revision
     * @param last the revision of the last step that started (where a failed run stopped), or null
     */
    record Run(Map<String, Step> steps, List<String> before, String last) {
    }

    private AlembicSql() {
    }

    /**
     * Parses {@code output} of an {@code upgrade} ({@code up}) or {@code downgrade} run rendered for
     * {@code dialect}, whose version table is {@code versionTable}.
     */
    static Run parse(String output, DialectId dialect, String versionTable, boolean up) {
        SplitOptions options = Dialects.of(dialect).splitOptions();
        List<SqlStatement> statements = SqlSplitter.split(output, "alembic --sql", options);
        TreeMap<Integer, String> markers = markers(output, statements, up);
        Map<String, List<String>> sql = new LinkedHashMap<>();
        Map<String, Boolean> outside = new LinkedHashMap<>();
        markers.values().forEach(r -> {
            sql.putIfAbsent(r, new ArrayList<>());
            outside.putIfAbsent(r, false);
        });
        List<String> before = new ArrayList<>();
        boolean transactional = false;
        boolean inTransaction = false;
        for (SqlStatement s : statements) {
            List<String> head = head(s.sql(), 3);
            String first = head.isEmpty() ? "" : head.get(0).toUpperCase(Locale.ROOT);
            String second = head.size() > 1 ? head.get(1).toUpperCase(Locale.ROOT) : "";
            if ((first.equals("BEGIN") && (head.size() == 1 || second.equals("TRANSACTION") || second.equals("WORK")))
                    || (first.equals("START") && second.equals("TRANSACTION"))) {
                transactional = true;
                inTransaction = true;
                continue;
            }
            if (first.equals("COMMIT") && head.size() <= 2) {
                inTransaction = false;
                continue;
            }
            if (versionTableStatement(head, versionTable)) {
                continue;
            }
            Map.Entry<Integer, String> marker = markers.lowerEntry(s.span().line());
            if (marker == null) {
                before.add(s.sql());
            } else {
                sql.get(marker.getValue()).add(s.sql());
                if (transactional && !inTransaction) {
                    outside.put(marker.getValue(), true);
                }
            }
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        sql.forEach((r, list) -> steps.put(r, new Step(r, list, outside.get(r))));
        return new Run(steps, before, markers.isEmpty() ? null : markers.lastEntry().getValue());
    }

    /**
     * The marker comments by line: lines outside every statement that start with
     * {@code -- Running upgrade} (the revision is right of {@code ->}) or {@code -- Running
     * downgrade} (left of it).
     */
    private static TreeMap<Integer, String> markers(String output, List<SqlStatement> statements, boolean up) {
        boolean[] inside = new boolean[output.split("\n", -1).length + 2];
        for (SqlStatement s : statements) {
            int from = s.span().line();
            int to = from + (int) s.sql().chars().filter(c -> c == '\n').count();
            for (int l = from; l <= to && l < inside.length; l++) {
                inside[l] = true;
            }
        }
        String prefix = "-- Running " + (up ? "upgrade " : "downgrade ");
        TreeMap<Integer, String> markers = new TreeMap<>();
        String[] lines = output.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            int arrow = line.indexOf(" ->", prefix.length() - 1);
            if (!inside[i + 1] && line.startsWith(prefix) && arrow >= 0) {
                String revision = (up ? line.substring(arrow + 3) : line.substring(prefix.length(), arrow)).strip();
                markers.put(i + 1, revision);
            }
        }
        return markers;
    }

    /** Whether the statement creates, writes or drops {@code table} (Alembic's version table). */
    private static boolean versionTableStatement(List<String> head, String table) {
        if (head.size() < 2) {
            return false;
        }
        String verb = head.get(0).toUpperCase(Locale.ROOT);
        String next = head.get(1).toUpperCase(Locale.ROOT);
        String name = switch (verb) {
            case "UPDATE" -> head.get(1);
            case "INSERT" -> next.equals("INTO") && head.size() > 2 ? head.get(2) : null;
            case "DELETE" -> next.equals("FROM") && head.size() > 2 ? head.get(2) : null;
            case "CREATE", "DROP" -> next.equals("TABLE") && head.size() > 2 ? head.get(2) : null;
            default -> null;
        };
        if (name == null) {
            return false;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.equalsIgnoreCase(table);
    }

    /**
     * The first {@code max} words of a statement: keywords, and names with their quotes removed and
     * their qualifiers kept ({@code "s"."alembic_version"} is {@code s.alembic_version}).
     * Comments are skipped; reading stops at anything else.
     */
    static List<String> head(String sql, int max) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        StringBuilder name = null;
        while (i < n && words.size() < max) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"' || c == '`' || c == '[') {
                name = new StringBuilder();
                while (true) {
                    char d = i < n ? sql.charAt(i) : ' ';
                    if (d == '"' || d == '`' || d == '[') {
                        char close = d == '[' ? ']' : d;
                        int end = sql.indexOf(close, i + 1);
                        if (end < 0) {
                            return words;
                        }
                        name.append(sql, i + 1, end);
                        i = end + 1;
                    } else {
                        int start = i;
                        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                                || sql.charAt(i) == '$')) {
                            i++;
                        }
                        name.append(sql, start, i);
                    }
                    if (i < n && sql.charAt(i) == '.') {
                        name.append('.');
                        i++;
                    } else {
                        break;
                    }
                }
                words.add(name.toString());
            } else {
                break;
            }
        }
        return words;
    }
}
