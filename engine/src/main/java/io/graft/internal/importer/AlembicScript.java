package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Alembic revision script ({@code versions/*.py}) as read without Python: the module-level
 * literals Alembic takes the graph from, and the lines that do work offline mode cannot render.
 * Both spellings that Alembic's templates write are read: {@code revision = 'ae10'} and the
 * annotated {@code revision: str = 'ae10'} / {@code down_revision: Union[str, None] = None}.
 *
 * @param file the script
 * @param display the script as messages name it
 * @param revision Alembic's revision id
 * @param line the line of {@code revision = ...}
 * @param downRevisions {@code down_revision}: empty for a root, two or more for a merge
 * @param branchLabels {@code branch_labels}
 * @param dependsOn {@code depends_on}: revision ids or branch labels
 * @param description the first line of the module docstring, or null
 * @param created the docstring's {@code Create Date:} as written (the templates write one), or null
 * @param calls the calls {@link #CALLS} names, where the import has something to say about them
 */
record AlembicScript(Path file, String display, String revision, int line, List<String> downRevisions,
        List<String> branchLabels, List<String> dependsOn, String description, String created, List<Call> calls) {

    AlembicScript {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        calls = List.copyOf(calls);
    }

    /**
     * A call of one of {@link #CALLS}.
     *
     * @param line its line
     * @param function the top-level function it is in ({@code upgrade}, {@code downgrade}), or null
     * @param call what is called, e.g. {@code get_bind}
     */
    record Call(int line, String function, String call) {
    }

    /** The calls that need a live connection, which offline mode has not. */
    static final List<String> LIVE = List.of("get_bind", "get_current_revision", "get_current_heads");

    /** The calls the import looks for: {@link #LIVE}, and {@code autocommit_block} (SQL outside a transaction). */
    private static final List<String> CALLS = List.of("get_bind", "get_current_revision", "get_current_heads",
            "autocommit_block");

    /** The variables a revision script declares, in the order the templates write them. */
    private static final List<String> KEYS = List.of("revision", "down_revision", "branch_labels", "depends_on");

    /**
     * Reads {@code text}, the script {@code file}; null (with a problem) when it declares no usable
     * {@code revision}. A value that is not a literal (a name, an expression) is a problem: Alembic
     * computes it by running the module, which this reader does not.
     */
    static AlembicScript parse(Path file, String display, String text, List<Problem> problems) {
        String code = mask(text);
        String[] lines = code.split("\n", -1);
        String revision = null;
        int revisionLine = 0;
        List<String> down = List.of();
        List<String> labels = List.of();
        List<String> depends = List.of();
        boolean sawDown = false;
        List<Call> calls = new ArrayList<>();
        String function = null;
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                function = line.startsWith("def ") || line.startsWith("async def ")
                        ? line.substring(line.indexOf("def ") + 4).split("[\\s(]", 2)[0] : null;
                String key = assignedKey(line);
                if (key != null) {
                    int eq = assignment(line);
                    Literal literal = new Literal(text, offset + eq + 1);
                    List<String> values;
                    try {
                        values = literal.read();
                    } catch (IllegalArgumentException e) {
                        int column = eq + 1;
                        while (column < line.length() && line.charAt(column) == ' ') {
                            column++;
                        }
                        problems.add(Problem.at(new SourceSpan(display, lineNo, column + 1), key + " is " + e.getMessage()
                                + ": Graft reads revision scripts without running them",
                                "write " + key + " as a literal: a quoted string, None, or a tuple of quoted strings"));
                        values = null;
                    }
                    if (values != null) {
                        switch (key) {
                            case "revision" -> {
                                if (values.size() != 1) {
                                    problems.add(Problem.at(new SourceSpan(display, lineNo, 1),
                                            "revision must be one quoted id", "write it as revision = 'ae1027a6acf'"));
                                } else {
                                    revision = values.get(0);
                                    revisionLine = lineNo;
                                }
                            }
                            case "down_revision" -> {
                                down = values;
                                sawDown = true;
                            }
                            case "branch_labels" -> labels = values;
                            default -> depends = values;
                        }
                    }
                }
            }
            for (String call : CALLS) {
                int at = line.indexOf(call);
                if (at >= 0 && (at == 0 || !Character.isJavaIdentifierPart(line.charAt(at - 1)))
                        && (at + call.length() == line.length()
                                || !Character.isJavaIdentifierPart(line.charAt(at + call.length())))) {
                    calls.add(new Call(lineNo, function, call));
                }
            }
            offset += line.length() + 1;
        }
        if (revision == null) {
            problems.add(Problem.at(new SourceSpan(display, 1, 1), "no 'revision = ...' in this script, so Alembic"
                    + " cannot load it either", "declare revision (and down_revision) as 'alembic revision' writes them,"
                    + " or move the file out of the versions folder"));
            return null;
        }
        if (!sawDown) {
            problems.add(Problem.at(new SourceSpan(display, revisionLine, 1), "no 'down_revision = ...' in this script",
                    "declare down_revision (None for a first revision)"));
            return null;
        }
        String doc = docstring(text, code);
        return new AlembicScript(file, display, revision, revisionLine, down, labels, depends, firstLine(doc),
                created(doc), calls);
    }

    /** The key assigned on a top-level line ({@code key = } or {@code key: type = }), or null. */
    private static String assignedKey(String line) {
        for (String key : KEYS) {
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).stripLeading();
                if ((rest.startsWith("=") && !rest.startsWith("==")) || rest.startsWith(":")) {
                    return assignment(line) < 0 ? null : key;
                }
            }
        }
        return null;
    }

    /** The column of the {@code =} of a top-level assignment, after any annotation; -1 if none. */
    private static int assignment(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == '=' && depth == 0) {
                boolean comparison = (i + 1 < line.length() && line.charAt(i + 1) == '=')
                        || (i > 0 && "=!<>".indexOf(line.charAt(i - 1)) >= 0);
                return comparison ? -1 : i;
            }
        }
        return -1;
    }

    private static String firstLine(String doc) {
        if (doc != null) {
            for (String line : doc.split("\n")) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        }
        return null;
    }

    private static String created(String doc) {
        if (doc != null) {
            for (String line : doc.split("\n")) {
                if (line.strip().startsWith("Create Date:")) {
                    return line.strip().substring("Create Date:".length()).strip();
                }
            }
        }
        return null;
    }

    /** The module docstring, or null. */
    private static String docstring(String text, String code) {
        int i = 0;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        int quote = i < code.length() && "rRuU".indexOf(code.charAt(i)) >= 0 ? i + 1 : i;
        if (quote >= code.length() || (code.charAt(quote) != '"' && code.charAt(quote) != '\'')) {
            return null;
        }
        try {
            return new Literal(text, i).string();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code text} with the insides of strings and comments blanked (newlines kept), so that what
     * is left on a line is code: a {@code get_bind} in a comment or a docstring is not a call.
     */
    static String mask(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                boolean triple = i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
                int quote = triple ? 3 : 1;
                out.append(text, i, i + quote);
                i += quote;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        out.append(' ').append(text.charAt(i + 1) == '\n' ? '\n' : ' ');
                        i += 2;
                    } else if (d == c && (!triple || (i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c))) {
                        out.append(text, i, i + quote);
                        i += quote;
                        break;
                    } else if (d == '\n' && !triple) {
                        break;
                    } else {
                        out.append(d == '\n' ? '\n' : ' ');
                        i++;
                    }
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Reads one Python literal from {@code text} at {@code start}: {@code None}, a string, or a
     * tuple, list or set of strings (across lines, with comments and a trailing comma), as a list
     * of strings. Anything else is an {@link IllegalArgumentException} saying what it is.
     */
    private static final class Literal {
        private final String text;
        private int pos;

        Literal(String text, int start) {
            this.text = text;
            this.pos = start;
        }

        List<String> read() {
            skip(false);
            List<String> values = new ArrayList<>();
            if (text.startsWith("None", pos) && !identifierAt(pos + 4)) {
                pos += 4;
            } else if (pos < text.length() && "([{".indexOf(text.charAt(pos)) >= 0) {
                char close = ")]}".charAt("([{".indexOf(text.charAt(pos)));
                pos++;
                while (true) {
                    skip(true);
                    if (pos < text.length() && text.charAt(pos) == close) {
                        pos++;
                        break;
                    }
                    values.add(string());
                    skip(true);
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                    } else if (pos >= text.length() || text.charAt(pos) != close) {
                        throw new IllegalArgumentException("not a tuple of quoted strings");
                    }
                }
            } else {
                values.add(string());
            }
            skip(false);
            if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                throw new IllegalArgumentException("an expression, not a literal");
            }
            return values;
        }

        String string() {
            int start = pos;
            while (pos < text.length() && "rRuU".indexOf(text.charAt(pos)) >= 0 && pos - start < 2) {
                pos++;
            }
            if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
                throw new IllegalArgumentException(pos < text.length() && Character.isJavaIdentifierStart(text.charAt(start))
                        ? "a name, not a literal" : "not a quoted string");
            }
            boolean raw = text.substring(start, pos).toLowerCase(java.util.Locale.ROOT).contains("r");
            char q = text.charAt(pos);
            boolean triple = text.startsWith(String.valueOf(q).repeat(3), pos);
            pos += triple ? 3 : 1;
            StringBuilder value = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < text.length()) {
                    char e = text.charAt(pos + 1);
                    if (raw) {
                        value.append(c).append(e);
                    } else {
                        switch (e) {
                            case 'n' -> value.append('\n');
                            case 't' -> value.append('\t');
                            case '\n' -> { }
                            default -> value.append(e);
                        }
                    }
                    pos += 2;
                } else if (c == q && (!triple || text.startsWith(String.valueOf(q).repeat(3), pos))) {
                    pos += triple ? 3 : 1;
                    return value.toString();
                } else if (c == '\n' && !triple) {
                    break;
                } else {
                    value.append(c);
                    pos++;
                }
            }
            throw new IllegalArgumentException("an unterminated string");
        }

        /** Skips blanks and a comment; with {@code lines}, newlines too (inside brackets). */
        private void skip(boolean lines) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || (lines && (c == '\n' || c == '\r'))) {
                    pos++;
                } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    pos += 2;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    break;
                }
            }
        }

        private boolean identifierAt(int i) {
            return i < text.length() && Character.isJavaIdentifierPart(text.charAt(i));
        }
    }
}
