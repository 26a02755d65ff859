package io.graft.internal.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a formatted SQL changelog ({@code --liquibase formatted sql}) line by line, with the
 * patterns of Liquibase's {@code AbstractFormattedChangeLogParser}: {@code --changeset author:id}
 * and its attributes, {@code --comment}, {@code --rollback} lines and {@code /* liquibase rollback}
 * blocks, {@code --validCheckSum}, {@code --ignoreLines}. A changeset's SQL is every other line up
 * to the next changeset, trimmed, as Liquibase keeps it (its checksum is computed over that text).
 * Preconditions and {@code --property} are problems at their line.
 */
final class LiquibaseFormattedSql {

    static final Pattern FIRST_LINE = Pattern.compile("(?i)^\\s*--\\s*liquibase\\s*formatted.*");
    private static final Pattern CHANGESET = Pattern.compile(
            "(?i)\\s*--[\\s]*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+).*");
    private static final Pattern CHANGESET_LOOSE = Pattern.compile("(?i)\\s*-+[\\s]*changeset\\b.*");
    private static final Pattern PROPERTY = Pattern.compile("(?i)\\s*--[\\s]*property\\s.*");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)\\s*--[\\s]*rollback (.*)");
    private static final Pattern ROLLBACK_START = Pattern.compile("(?i)\\s*/\\*\\s*liquibase\\s*rollback\\s*$");
    private static final Pattern ROLLBACK_END = Pattern.compile(".*\\s*\\*/\\s*$");
    private static final Pattern PRECONDITION = Pattern.compile("(?i)\\s*--[\\s]*preconditions?\\b.*");
    private static final Pattern COMMENT = Pattern.compile("(?i)--[\\s]*comment:? (.*)");
    private static final Pattern VALID_CHECKSUM = Pattern.compile("(?i)--[\\s]*validCheckSum:? (.*)");
    private static final Pattern IGNORE_LINES = Pattern.compile("(?i)--[\\s]*ignoreLines:(\\w+)");
    private static final Pattern LOGICAL_FILE_PATH = Pattern.compile("(?i).*logicalFilePath:(\\S*).*");

    private LiquibaseFormattedSql() {
    }

    /** An attribute of a {@code --changeset} line, matched as Liquibase matches it, or null. */
    static String attribute(String line, String name) {
        String value = switch (name) {
            case "context", "contextFilter", "labels" -> "(\".*?\"|\\S*)";
            case "dbms" -> "([^,][\\w!,]+)";
            case "endDelimiter", "rollbackEndDelimiter", "logicalFilePath" -> "(\\S*)";
            default -> "(\\w+)";
        };
        String boundary = name.endsWith("ndDelimiter") ? "\\b" : "";
        Matcher m = Pattern.compile("(?i).*" + boundary + name + ":" + value + ".*").matcher(line);
        if (!m.matches()) {
            return null;
        }
        String v = m.group(1);
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static boolean flag(String line, String name, boolean otherwise) {
        String v = attribute(line, name);
        return v == null ? otherwise : Boolean.parseBoolean(v);
    }

    /** The changesets of {@code file}, whose {@code FILENAME} is {@code filename} unless the file names a logical path. */
    static List<LiquibaseChangeSet> read(Path file, String text, String filename, LiquibaseProject project) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<LiquibaseChangeSet> out = new ArrayList<>();
        Builder current = null;
        String logical = filename;
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int n = i + 1;
            if (FIRST_LINE.matcher(line).matches()) {
                if (!header) {
                    header = true;
                    String path = attribute(line, "logicalFilePath");
                    if (path != null && !path.isEmpty()) {
                        logical = LiquibaseProject.normalize(path);
                    }
                }
                continue;
            }
            if (PROPERTY.matcher(line).matches()) {
                project.problem(file, n, "'--property' is not imported: Graft does not substitute Liquibase"
                        + " parameters", "write the values into the SQL, or import with --skip-unsupported");
                continue;
            }
            Matcher ignore = IGNORE_LINES.matcher(line);
            if (ignore.matches()) {
                if (ignore.group(1).equalsIgnoreCase("start")) {
                    while (i + 1 < lines.length) {
                        i++;
                        Matcher end = IGNORE_LINES.matcher(lines[i]);
                        if (end.matches() && end.group(1).equalsIgnoreCase("end")) {
                            break;
                        }
                    }
                } else if (ignore.group(1).matches("\\d+")) {
                    i += Integer.parseInt(ignore.group(1));
                }
                continue;
            }
            Matcher changeset = CHANGESET.matcher(line);
            if (changeset.matches()) {
                if (current != null) {
                    out.add(current.build(project));
                }
                String author = unquote(changeset.group(1).trim());
                String id = unquote(changeset.group(2));
                String path = attribute(line, "logicalFilePath");
                current = new Builder(file, n, id, author, path == null || path.isEmpty() ? logical
                        : LiquibaseProject.normalize(path), line);
                continue;
            }
            if (CHANGESET_LOOSE.matcher(line).matches()) {
                project.problem(file, n, "a changeset line Liquibase does not accept", "write it as"
                        + " '--changeset author:id' followed by its attributes");
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher m;
            if ((m = COMMENT.matcher(line)).matches()) {
                current.comment = m.group(1);
            } else if ((m = VALID_CHECKSUM.matcher(line)).matches()) {
                current.validCheckSums.add(m.group(1).trim());
            } else if ((m = ROLLBACK.matcher(line)).matches()) {
                current.rollback.append(m.group(1)).append('\n');
                current.rollbackLine = current.rollbackLine == 0 ? n : current.rollbackLine;
            } else if (ROLLBACK_START.matcher(line).matches()) {
                current.rollbackLine = current.rollbackLine == 0 ? n : current.rollbackLine;
                boolean closed = false;
                while (i + 1 < lines.length) {
                    i++;
                    String l = lines[i];
                    if (ROLLBACK_END.matcher(l).matches()) {
                        String last = l.replaceFirst("\\*/\\s*$", "");
                        if (!last.isBlank()) {
                            current.rollback.append(last).append('\n');
                        }
                        closed = true;
                        break;
                    }
                    current.rollback.append(l).append('\n');
                }
                if (!closed) {
                    project.problem(file, n, "the rollback block is not closed", "end it with a line '*/'");
                }
            } else if (PRECONDITION.matcher(line).matches()) {
                project.problem(file, n, "changeset " + current.id + " has a precondition ('"
                        + line.trim() + "'): Graft runs no preconditions", "remove it (Graft knows what is applied"
                        + " from its history), or import with --skip-unsupported to drop it");
            } else {
                current.sql.append(line).append('\n');
            }
        }
        if (current != null) {
            out.add(current.build(project));
        }
        if (!header) {
            project.problem(file, 1, "not a formatted SQL changelog: its first line is not '--liquibase formatted sql'",
                    "add that line, or remove the file from the changelog (Graft imports raw SQL files only as"
                            + " formatted SQL changelogs)");
        }
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** A changeset while its lines are read. */
    private static final class Builder {
        final Path file;
        final int line;
        final String id;
        final String author;
        final String filename;
        final String header;
        final StringBuilder sql = new StringBuilder();
        final StringBuilder rollback = new StringBuilder();
        final List<String> validCheckSums = new ArrayList<>();
        int rollbackLine;
        String comment;

        Builder(Path file, int line, String id, String author, String filename, String header) {
            this.file = file;
            this.line = line;
            this.id = id;
            this.author = author;
            this.filename = filename;
            this.header = header;
        }

        LiquibaseChangeSet build(LiquibaseProject project) {
            String text = sql.toString().strip();
            if (text.isEmpty()) {
                project.problem(file, line, "changeset " + id + " has no SQL (Liquibase refuses it too)",
                        "add its SQL below the '--changeset' line");
            }
            String endDelimiter = attribute(header, "endDelimiter");
            if (endDelimiter != null && !endDelimiter.isEmpty() && !endDelimiter.equals(";")) {
                project.problem(file, line, "changeset " + id + " has endDelimiter:" + endDelimiter + ": Graft splits"
                        + " statements with its own lexer (dollar quotes, BEGIN ... END bodies, MySQL DELIMITER)",
                        "end its statements with ';' (or use MySQL's DELIMITER), remove endDelimiter, and import again;"
                                + " or import with --skip-unsupported and check the statements");
            }
            if (!flag(header, "splitStatements", true)) {
                project.note(file, line, "changeset " + id + " has splitStatements:false; Graft splits its SQL with"
                        + " its dialect-aware lexer, which keeps bodies ($$ ... $$, BEGIN ... END) whole");
            }
            String rollbackDelimiter = attribute(header, "rollbackEndDelimiter");
            if (rollbackDelimiter != null && !rollbackDelimiter.isEmpty() && !rollbackDelimiter.equals(";")) {
                project.problem(file, line, "changeset " + id + " has rollbackEndDelimiter:" + rollbackDelimiter
                        + ": Graft splits statements with its own lexer", "end the rollback's statements with ';'");
            }
            if (attribute(header, "runWith") != null) {
                project.problem(file, line, "changeset " + id + " has runWith:" + attribute(header, "runWith")
                        + ": Graft runs SQL through JDBC only", "remove runWith, or import with --skip-unsupported");
            }
            List<LiquibaseChangeSet.Change> down = null;
            String back = rollback.toString().strip();
            if (!back.isEmpty()) {
                String lower = back.toLowerCase(Locale.ROOT);
                if (lower.startsWith("not required") || lower.startsWith("empty")) {
                    down = List.of();
                } else if (lower.contains("changesetid")) {
                    project.problem(file, rollbackLine, "changeset " + id + " rolls back with another changeset's"
                            + " changes ('" + back.replace('\n', ' ') + "')", "write that rollback's SQL here");
                } else {
                    down = List.of(new LiquibaseChangeSet.Change(back, null, null));
                }
            }
            Map<String, String> extra = new LinkedHashMap<>();
            String context = attribute(header, "contextFilter");
            if (context == null || context.isEmpty()) {
                context = attribute(header, "context");
            }
            if (context != null && !context.isEmpty()) {
                extra.put("context", context);
            }
            String labels = attribute(header, "labels");
            if (labels != null && !labels.isEmpty()) {
                extra.put("labels", labels);
            }
            if (!validCheckSums.isEmpty()) {
                extra.put("validCheckSum", String.join(",", validCheckSums));
            }
            if (flag(header, "ignore", false)) {
                extra.put("ignore", "true");
            }
            return new LiquibaseChangeSet(id, author, filename, file, line,
                    List.of(new LiquibaseChangeSet.Change(text, null, null)), down, flag(header, "runOnChange", false),
                    flag(header, "runAlways", false), flag(header, "runInTransaction", true), attribute(header, "dbms"),
                    comment, extra);
        }
    }
}
