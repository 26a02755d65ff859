package io.graft.internal.lint;

import io.graft.LintRule;
import io.graft.internal.sql.SqlStatement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code graft:allow} comments of one SQL file.
 *
 * <ul>
 *   <li>{@code -- graft:allow RULE[, RULE...]} silences the rules for one statement: the statement on
 *       whose lines the comment sits (a trailing comment), else the next statement after it;</li>
 *   <li>{@code -- graft:allow-file RULE[, RULE...]} silences them for the whole file, i.e. for the
 *       revision's up (or down) file. In a file without statements every allow is file-wide.</li>
 * </ul>
 * {@code #} and <code>/* ... *&#47;</code> comments work too.
 *
 * <p>Also the other way: a {@code -- DESTRUCTIVE: WHAT} comment, as {@code graft diff} and
 * {@code graft new --autogenerate} write it before a change that can lose data, marks the next
 * statement destructive even where its words cannot tell (a narrowed column type, a table rebuilt
 * without a column).
 */
final class Allows {

    private static final Pattern DESTRUCTIVE = Pattern.compile("^\\s*--\\s*DESTRUCTIVE:\\s*(\\S.*?)\\s*$");
    private static final Pattern ALLOW = Pattern.compile(
            "(?:--|#|/\\*)\\s*graft:allow(-file)?\\s*:?\\s+([A-Za-z0-9_\\-]+(?:\\s*,\\s*[A-Za-z0-9_\\-]+)*)");

    private final Set<String> fileWide = new HashSet<>();
    private final Map<Integer, Set<String>> byStatementLine = new HashMap<>();
    private final Map<Integer, String> destructiveByStatementLine = new HashMap<>();

    private Allows() {
    }

    static Allows of(String text, List<SqlStatement> statements) {
        Allows allows = new Allows();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher marked = DESTRUCTIVE.matcher(lines[i]);
            if (marked.matches()) {
                Integer target = statementFor(i + 1, statements);
                if (target != null) {
                    allows.destructiveByStatementLine.putIfAbsent(target, marked.group(1));
                }
            }
            Matcher m = ALLOW.matcher(lines[i]);
            while (m.find()) {
                Set<String> rules = new HashSet<>(List.of(m.group(2).trim().split("\\s*,\\s*")));
                Integer target = m.group(1) != null ? null : statementFor(i + 1, statements);
                if (target == null) {
                    allows.fileWide.addAll(rules);
                } else {
                    allows.byStatementLine.computeIfAbsent(target, k -> new HashSet<>()).addAll(rules);
                }
            }
        }
        return allows;
    }

    /** The start line of the statement a comment on {@code line} belongs to, or null for none. */
    private static Integer statementFor(int line, List<SqlStatement> statements) {
        for (SqlStatement s : statements) {
            int start = s.span().line();
            int end = start + (int) s.sql().chars().filter(c -> c == '\n').count();
            if (start <= line && line <= end) {
                return start;
            }
        }
        for (SqlStatement s : statements) {
            if (s.span().line() > line) {
                return s.span().line();
            }
        }
        return null;
    }

    /** What a {@code -- DESTRUCTIVE:} comment above {@code statement} says it does, or null when none marks it. */
    String markedDestructive(SqlStatement statement) {
        return destructiveByStatementLine.get(statement.span().line());
    }

    boolean allowsFile(LintRule rule) {
        return fileWide.contains(rule.id());
    }

    boolean allows(LintRule rule, SqlStatement statement) {
        return allowsFile(rule) || byStatementLine.getOrDefault(statement.span().line(), Set.of()).contains(rule.id());
    }
}
