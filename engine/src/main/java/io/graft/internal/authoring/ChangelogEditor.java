package io.graft.internal.authoring;

import io.graft.SourceSpan;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Edits a changelog's text in place for {@code graft squash}: the entries of the replaced
 * revisions go, the squashed revision's entry takes the place of the first of them, and the ids
 * that later revisions name (a parent, a {@code depends_on}) are rewritten where they stand.
 * Every other byte (comments, layout, the other entries) stays as written.
 */
public final class ChangelogEditor {

    private ChangelogEditor() {
    }

    /** An id to write instead of the one at {@code at} (a value in a later revision's list). */
    public record Rename(SourceSpan at, String oldId, String newId) {
    }

    /**
     * @param revisions every revision of the changelog, in the file's order, with their spans
     * @param removed the ids whose entries go
     * @param entry the new entry's lines relative to the item ({@code "- id: x\n  parents: []"})
     * @param renames ids rewritten in the entries that stay
     */
    public static String squash(String text, List<Revision> revisions, Set<String> removed, String entry,
            List<Rename> renames) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        // Right to left within a line, so that a rename does not move the columns of the next.
        for (Rename r : renames.stream().sorted(Comparator.comparingInt((Rename x) -> x.at().line())
                .thenComparingInt(x -> -x.at().column())).toList()) {
            int i = r.at().line() - 1;
            lines.set(i, rename(lines.get(i), r));
        }
        List<int[]> ranges = new ArrayList<>();
        for (int k = 0; k < revisions.size(); k++) {
            Revision r = revisions.get(k);
            if (!removed.contains(r.id())) {
                continue;
            }
            int start = r.span().line() - 1;
            int dash = indent(lines.get(start));
            int end;
            if (k + 1 < revisions.size()) {
                end = revisions.get(k + 1).span().line() - 1;
            } else {
                end = start + 1;
                while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > dash)) {
                    end++;
                }
            }
            while (end - 1 > start && (lines.get(end - 1).isBlank()
                    || lines.get(end - 1).stripLeading().startsWith("#") && indent(lines.get(end - 1)) <= dash)) {
                end--;
            }
            ranges.add(new int[] {start, end, dash});
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("none of the revisions to remove is in the changelog");
        }
        StringBuilder out = new StringBuilder();
        int first = ranges.get(0)[0];
        int at = 0;
        for (int line = 0; line < lines.size(); line++) {
            if (at < ranges.size() && line == ranges.get(at)[0]) {
                if (line == first) {
                    String pad = " ".repeat(ranges.get(at)[2]);
                    for (String e : entry.split("\n")) {
                        out.append(pad).append(e).append(nl);
                    }
                }
                line = ranges.get(at)[1] - 1;
                at++;
                continue;
            }
            out.append(lines.get(line));
            if (line < lines.size() - 1) {
                out.append(nl);
            }
        }
        return out.toString();
    }

    /** The line with {@code r.oldId()} at its column (plain or quoted) replaced. */
    private static String rename(String line, Rename r) {
        int col = r.at().column() - 1;
        if (col < 0 || col >= line.length()) {
            throw new IllegalArgumentException("no '" + r.oldId() + "' at " + r.at());
        }
        char q = line.charAt(col);
        int from = q == '"' || q == '\'' ? col + 1 : col;
        if (!line.startsWith(r.oldId(), from)) {
            throw new IllegalArgumentException("no '" + r.oldId() + "' at " + r.at());
        }
        return line.substring(0, from) + r.newId() + line.substring(from + r.oldId().length());
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
