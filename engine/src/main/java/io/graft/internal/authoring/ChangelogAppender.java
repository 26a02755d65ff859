package io.graft.internal.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a revision entry to a changelog's text without touching a byte of what is there: the
 * entry goes at the end of the {@code revisions:} list, with the list's own indentation, line
 * ending and blank-line spacing. Comments and layout elsewhere stay exactly as written.
 */
final class ChangelogAppender {

    private static final Pattern REVISIONS_KEY = Pattern.compile("^revisions\\s*:\\s*(\\[\\s*\\])?\\s*(#.*)?$");

    private ChangelogAppender() {
    }

    /** One line of the file: its text without the line end, and where it starts and ends (line end included). */
    private record Line(String text, int start, int end) {
        boolean blank() {
            return text.isBlank();
        }

        boolean comment() {
            return text.stripLeading().startsWith("#");
        }

        int indent() {
            int i = 0;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            return i;
        }
    }

    /**
     * The changelog text with {@code entry} added.
     *
     * @param entry the entry's lines, each without indentation relative to the item ("- id: x",
     *     "  parents: [...]"), joined by {@code \n}
     */
    static String append(String text, String entry) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<Line> lines = lines(text);
        int key = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (REVISIONS_KEY.matcher(lines.get(i).text()).matches()) {
                key = i;
                break;
            }
        }
        if (key < 0) {
            throw new IllegalStateException("the changelog has no top-level 'revisions:' line to append to");
        }
        Line keyLine = lines.get(key);
        Matcher m = REVISIONS_KEY.matcher(keyLine.text());
        m.matches();
        if (m.group(1) != null) {
            // revisions: []  ->  revisions:\n  - id: ...
            String replaced = keyLine.text().substring(0, m.start(1)).stripTrailing()
                    + (m.group(2) != null ? " " + m.group(2) : "");
            return text.substring(0, keyLine.start()) + replaced + nl + indent(entry, 2, nl)
                    + text.substring(keyLine.end());
        }
        int end = key + 1;
        while (end < lines.size()) {
            Line l = lines.get(end);
            if (!l.blank() && !l.comment() && l.indent() == 0 && !l.text().startsWith("-")) {
                break;
            }
            end++;
        }
        int itemIndent = 2;
        int lastItem = -1;
        int firstItem = -1;
        for (int i = key + 1; i < end; i++) {
            Line l = lines.get(i);
            if (!l.comment() && l.text().stripLeading().startsWith("-")) {
                if (firstItem < 0) {
                    firstItem = i;
                    itemIndent = l.indent();
                }
                if (l.indent() == itemIndent) {
                    lastItem = i;
                }
            }
        }
        boolean spaced = lastItem > key + 1 && lastItem != firstItem && lines.get(lastItem - 1).blank();
        String block = (spaced ? nl : "") + indent(entry, itemIndent, nl);
        if (end == lines.size()) {
            String prefix = text.isEmpty() || text.endsWith("\n") ? text : text + nl;
            return prefix + block;
        }
        int lastContent = end - 1;
        while (lastContent > key && (lines.get(lastContent).blank() || lines.get(lastContent).comment())) {
            lastContent--;
        }
        int at = lines.get(lastContent).end();
        return text.substring(0, at) + block + text.substring(at);
    }

    private static String indent(String entry, int by, String nl) {
        StringBuilder out = new StringBuilder();
        String pad = " ".repeat(by);
        for (String line : entry.split("\n")) {
            out.append(pad).append(line).append(nl);
        }
        return out.toString();
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            String body = text.substring(start, nl < 0 ? text.length() : nl);
            if (body.endsWith("\r")) {
                body = body.substring(0, body.length() - 1);
            }
            lines.add(new Line(body, start, end));
            start = end;
        }
        return lines;
    }
}
