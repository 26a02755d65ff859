package io.graft.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few statement shapes the SQL rules need, read with patterns rather than a parser so that
 * they work on every dialect and on statements JSqlParser cannot read. Table names are compared
 * without schema, quotes or case.
 */
final class SqlShapes {

    private static final String PART = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)";
    private static final String NAME = "(" + PART + "(?:\\s*\\.\\s*" + PART + ")*)";
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL)\\s+)?(TEMP\\s+|TEMPORARY\\s+|UNLOGGED\\s+)?TABLE\\s+"
                    + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME, CI);
    private static final Pattern DROP_TABLE = Pattern.compile(
            "^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.*)$", CI);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?.*?\\bON\\s+(?:ONLY\\s+)?" + NAME, CI);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME + "\\s+(.*)$", CI);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?!(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|INDEX|KEY|EXCLUDE)\\b)"
                    + NAME + "\\s+(.*)$", CI);
    private static final String KIND = "(TABLE|VIEW|MATERIALIZED\\s+VIEW|FUNCTION|PROCEDURE|TRIGGER|INDEX|SEQUENCE|TYPE"
            + "|DOMAIN|SCHEMA|EVENT)";
    private static final Pattern CREATE_OBJECT = Pattern.compile(
            "^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL)\\s+)?(?:TEMP\\s+|TEMPORARY\\s+|UNLOGGED\\s+|UNIQUE\\s+"
                    + "|RECURSIVE\\s+|(?:ALGORITHM\\s*=\\s*\\w+\\s+)|(?:DEFINER\\s*=\\s*\\S+\\s+)|(?:SQL\\s+SECURITY\\s+\\w+\\s+))*"
                    + KIND + "\\s+(?:CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME, CI);
    private static final Pattern DROP_OBJECT = Pattern.compile(
            "^\\s*DROP\\s+" + KIND + "\\s+(?:CONCURRENTLY\\s+)?IF\\s+EXISTS\\s+" + NAME, CI);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT\\s+NULL\\b", CI);
    private static final Pattern DEFAULT_OR_GENERATED = Pattern.compile("\\b(?:DEFAULT|GENERATED|AS)\\b", CI);

    private SqlShapes() {
    }

    /** A table created by a statement. */
    record CreatedTable(String name, String written, boolean temporary) {
    }

    /** An index build: its table and whether it is CONCURRENTLY. */
    record IndexBuild(String table, boolean concurrently) {
    }

    /**
     * An object a statement creates: its kind ({@code VIEW}, ...), its name, and whether running
     * the statement twice is fine ({@code OR REPLACE}, {@code IF NOT EXISTS}).
     */
    record CreatedObject(String kind, String name, boolean rerunnable) {
    }

    static Optional<CreatedObject> createdObject(String sql) {
        Matcher m = CREATE_OBJECT.matcher(sql);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new CreatedObject(kind(m.group(2)), normalize(m.group(4)),
                m.group(1) != null || m.group(3) != null));
    }

    /** {@code VIEW:name} for a {@code DROP VIEW IF EXISTS name}, else empty. */
    static Optional<String> droppedIfExists(String sql) {
        Matcher m = DROP_OBJECT.matcher(sql);
        return m.find() ? Optional.of(kind(m.group(1)) + ":" + normalize(m.group(2))) : Optional.empty();
    }

    private static String kind(String written) {
        return written.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** A column added NOT NULL without a default. */
    record NotNullColumn(String table, String column) {
    }

    static Optional<CreatedTable> createdTable(String sql) {
        Matcher m = CREATE_TABLE.matcher(sql);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new CreatedTable(normalize(m.group(2)), m.group(2).trim(), m.group(1) != null
                && !m.group(1).trim().equalsIgnoreCase("UNLOGGED")));
    }

    static List<String> droppedTables(String sql) {
        Matcher m = DROP_TABLE.matcher(sql);
        if (!m.find()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            String p = part.trim().replaceAll("(?i)\\s+(CASCADE|RESTRICT)\\s*$", "").trim();
            if (!p.isEmpty()) {
                names.add(normalize(p));
            }
        }
        return names;
    }

    static Optional<IndexBuild> indexBuild(String sql) {
        Matcher m = CREATE_INDEX.matcher(sql);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new IndexBuild(normalize(m.group(2)), m.group(1) != null));
    }

    /** The columns an {@code ALTER TABLE} adds as NOT NULL with no DEFAULT (nor generated). */
    static List<NotNullColumn> notNullWithoutDefault(String sql) {
        Matcher m = ALTER_TABLE.matcher(sql);
        if (!m.find()) {
            return List.of();
        }
        String table = normalize(m.group(1));
        List<NotNullColumn> found = new ArrayList<>();
        for (String action : topLevelParts(m.group(2))) {
            Matcher add = ADD_COLUMN.matcher(action.trim());
            if (add.find()) {
                String definition = add.group(2);
                if (NOT_NULL.matcher(definition).find() && !DEFAULT_OR_GENERATED.matcher(definition).find()) {
                    found.add(new NotNullColumn(table, add.group(1).trim()));
                }
            }
        }
        return found;
    }

    /** Splits at commas outside parentheses and quotes. */
    private static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** {@code "Public".Users} -> {@code users}: the last part, unquoted, lower case. */
    static String normalize(String name) {
        String n = name.trim();
        int dot = lastDotOutsideQuotes(n);
        if (dot >= 0) {
            n = n.substring(dot + 1).trim();
        }
        if (n.length() >= 2 && (n.startsWith("\"") || n.startsWith("`") || n.startsWith("["))) {
            n = n.substring(1, n.length() - 1);
        }
        return n.toLowerCase(Locale.ROOT);
    }

    private static int lastDotOutsideQuotes(String n) {
        char quote = 0;
        int last = -1;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (quote != 0) {
                if (c == quote || quote == '[' && c == ']') {
                    quote = 0;
                }
            } else if (c == '"' || c == '`' || c == '[') {
                quote = c;
            } else if (c == '.') {
                last = i;
            }
        }
        return last;
    }
}
