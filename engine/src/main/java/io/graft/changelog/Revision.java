package io.graft.changelog;

import io.graft.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One revision of the changelog, immutable. Checks what it can about itself; the rules that
 * involve other revisions (parents exist, no cycles, unique ids and labels) belong to the graph.
 *
 * @param id unique id: letters, digits, {@code _} and {@code .}, 1..128 chars
 * @param parents parent ids; empty for a root, two or more for a merge point
 * @param description optional free text, {@code null} when absent
 * @param labels branch labels carried by this revision
 * @param dependsOn revisions that must be applied first without being parents
 * @param up the SQL to apply
 * @param down the SQL to revert, or {@code null}: the revision is then irreversible
 * @param transactional false when statements must autocommit one by one
 * @param repeatable re-applied after the ordinary revisions of a run whenever its up file's
 *     checksum changed (views, functions, grants); not a head, and no revision may follow it
 * @param test statements that must succeed after up ({@code graft test} runs them, nothing else
 *     does), or {@code null}
 * @param replaces the ids of the revisions this one replaces ({@code graft squash}): a database
 *     that applied all of them has applied this one
 * @param span where the revision's entry starts in the changelog
 * @param spans where individual values sit, keyed like {@code "id"}, {@code "parents[1]"},
 *     {@code "labels[0]"}, {@code "depends_on[0]"}; see {@link #spanOf(String)}
 */
public record Revision(
        String id,
        List<String> parents,
        String description,
        List<String> labels,
        List<String> dependsOn,
        SqlRef up,
        SqlRef down,
        boolean transactional,
        boolean repeatable,
        SqlRef test,
        List<String> replaces,
        SourceSpan span,
        Map<String, SourceSpan> spans) {

    /**
     * The characters of ids and labels, as the body of a regular-expression class: the one
     * definition, from which the id pattern, target syntax and id corrections derive. Target
     * syntax ({@code @ + - :}) and everything else outside it is refused in ids.
     */
    public static final String ID_ALPHABET = "A-Za-z0-9_.";

    public static final int ID_MAX_LENGTH = 128;

    /** A whole id: 1 to {@value #ID_MAX_LENGTH} characters of {@link #ID_ALPHABET}. */
    public static final Pattern ID_PATTERN = Pattern.compile("[" + ID_ALPHABET + "]{1," + ID_MAX_LENGTH + "}");

    public Revision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(span, "span");
        parents = List.copyOf(parents);
        labels = List.copyOf(labels);
        dependsOn = List.copyOf(dependsOn);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        spans = Map.copyOf(spans);
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid revision id '" + id + "'");
        }
        if (parents.contains(id)) {
            throw new IllegalArgumentException("revision '" + id + "' names itself as a parent");
        }
    }

    /** A revision that replaces none. */
    public Revision(String id, List<String> parents, String description, List<String> labels, List<String> dependsOn,
            SqlRef up, SqlRef down, boolean transactional, boolean repeatable, SqlRef test, SourceSpan span,
            Map<String, SourceSpan> spans) {
        this(id, parents, description, labels, dependsOn, up, down, transactional, repeatable, test, List.of(), span,
                spans);
    }

    /** A revision without a {@code test} file. */
    public Revision(String id, List<String> parents, String description, List<String> labels, List<String> dependsOn,
            SqlRef up, SqlRef down, boolean transactional, boolean repeatable, SourceSpan span, Map<String, SourceSpan> spans) {
        this(id, parents, description, labels, dependsOn, up, down, transactional, repeatable, null, span, spans);
    }

    /** An ordinary (not repeatable) revision. */
    public Revision(String id, List<String> parents, String description, List<String> labels, List<String> dependsOn,
            SqlRef up, SqlRef down, boolean transactional, SourceSpan span, Map<String, SourceSpan> spans) {
        this(id, parents, description, labels, dependsOn, up, down, transactional, false, span, spans);
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    public boolean isRoot() {
        return parents.isEmpty();
    }

    public boolean isReversible() {
        return down != null;
    }

    /** Where the value under {@code key} sits, falling back to the revision's own span. */
    public SourceSpan spanOf(String key) {
        return spans.getOrDefault(key, span);
    }
}
