package io.graft.internal.changelog;

import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.changelog.DialectId;
import com.fasterxml.jackson.databind.JsonNode;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the {@link Changelog} from a schema-checked tree and applies the rules of the format that
 * a schema cannot express and that involve no other revision: id syntax (with a corrected id as
 * the hint), self-parents, the SQL files, dialect coverage. Rules across revisions (parents
 * exist, cycles, unique ids and labels) belong to {@code RevisionGraph}.
 *
 * <p>A bad id is reported and then built in its corrected form, references included, so that the
 * graph's checks on the rest still mean something. A revision is left out only when it cannot be
 * built at all (no id, no usable {@code up}); the changelog is then incomplete and not returned,
 * since a graph with a revision missing would report false errors.
 */
final class RevisionReader {

    private static final String TARGET_SYNTAX = "-+@:";
    private static final Pattern ID_CHARACTERS = Pattern.compile("[" + Revision.ID_ALPHABET + "]*");
    private static final Pattern NOT_ID_CHARACTER = Pattern.compile("[^" + Revision.ID_ALPHABET + "]");

    private final YamlTree tree;
    private final List<Problem> problems;
    private final SqlFiles files;
    private final Set<DialectId> declared = EnumSet.noneOf(DialectId.class);
    private boolean complete = true;

    private RevisionReader(YamlTree tree, SqlFiles files, List<Problem> problems) {
        this.tree = tree;
        this.files = files;
        this.problems = problems;
    }

    /**
     * The changelog, when every revision could be built; problems go to {@code problems} either way.
     * The SQL files' paths are checked here; what the file system says of them is left to
     * {@code files}' caller ({@link SqlFiles#finish()}).
     *
     * @param file the changelog file as the user named it
     * @param baseDir its folder, absolute and normalised
     */
    static Optional<Changelog> read(Path file, Path baseDir, YamlTree tree, SqlFiles files, List<Problem> problems) {
        RevisionReader reader = new RevisionReader(tree, files, problems);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            return Optional.empty();
        }
        boolean formatKnown = root.path("changelog").isIntegralNumber() && root.path("changelog").asInt() == 1;
        reader.readDialects(root.path("dialects"));
        List<Revision> revisions = reader.readRevisions(root.path("revisions"));
        if (!formatKnown || !reader.complete) {
            return Optional.empty();
        }
        return Optional.of(new Changelog(file, baseDir, 1, reader.declared, revisions));
    }

    private void readDialects(JsonNode dialects) {
        for (JsonNode d : dialects) {
            dialect(d.asText()).ifPresent(declared::add);
        }
    }

    /** Only the exact names of the format; {@link DialectId#fromKey} also takes aliases. */
    private static Optional<DialectId> dialect(String key) {
        return DialectId.fromKey(key).filter(d -> d.key().equals(key));
    }

    private List<Revision> readRevisions(JsonNode revisions) {
        if (!revisions.isArray()) {
            complete = false;
            return List.of();
        }
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            revision(i, revisions.get(i)).ifPresentOrElse(out::add, () -> complete = false);
        }
        return out;
    }

    private Optional<Revision> revision(int index, JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        Map<String, SourceSpan> spans = new HashMap<>();
        JsonNode rawId = node.path("id");
        String id = rawId.isTextual() ? id(rawId.asText(), tree.spanOf(rawId, node), "revision id", "") : null;
        if (id == null) {
            return Optional.empty();
        }
        String name = name(rawId.asText());
        spans.put("id", tree.spanOf(rawId, node));

        List<String> parents = references(node, "parents", "parent", name, id, spans);
        List<String> dependsOn = references(node, "depends_on", "depends_on id", name, null, spans);
        List<String> labels = references(node, "labels", "label", name, null, spans);
        List<String> replaces = references(node, "replaces", "replaced id", name, id, spans);

        JsonNode description = node.path("description");
        JsonNode transaction = node.path("transaction");
        JsonNode repeatable = node.path("repeatable");
        if (!repeatable.isMissingNode()) {
            spans.put("repeatable", tree.spanOf(repeatable, node));
        }
        if (!description.isMissingNode()) {
            spans.put("description", tree.spanOf(description, node));
        }
        if (!transaction.isMissingNode()) {
            spans.put("transaction", tree.spanOf(transaction, node));
        }
        SqlRef up = sqlRef(node, "up", name, spans);
        SqlRef down = sqlRef(node, "down", name, spans);
        SqlRef test = sqlRef(node, "test", name, spans);
        if (up == null) {
            return Optional.empty();
        }
        return Optional.of(new Revision(id, parents,
                description.isTextual() ? description.asText() : null,
                labels, dependsOn, up, down,
                !transaction.isBoolean() || transaction.asBoolean(),
                repeatable.isBoolean() && repeatable.asBoolean(), test, replaces,
                tree.spanOf(node, node), spans));
    }

    /**
     * The ids in a list such as {@code parents}, corrected where their syntax is wrong, without
     * repeats, and without {@code self} (a revision cannot be its own parent); {@code spans} gets
     * {@code key[i]} for each by its index in the result.
     */
    private List<String> references(JsonNode node, String key, String what, String revision,
            String self, Map<String, SourceSpan> spans) {
        List<String> out = new ArrayList<>();
        JsonNode list = node.path(key);
        if (!list.isArray()) {
            return out; // a mapping or a scalar here is a type error the schema check reports
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                continue;
            }
            SourceSpan item = tree.spanOf(list.get(i), list);
            String ref = id(list.get(i).asText(), item, what, " in " + revision);
            if (ref != null && ref.equals(self)) {
                problems.add(Problem.at(item, revision + (key.equals("parents") ? " names itself as a parent"
                        : " names itself in " + key), "remove '" + list.get(i).asText() + "' from its " + key));
            } else if (ref != null && !out.contains(ref)) {
                spans.put(key + "[" + out.size() + "]", item);
                out.add(ref);
            }
        }
        return out;
    }

    /**
     * {@code raw} when it is a valid id, else reports it and returns the corrected id, or
     * {@code null} when nothing sensible can be made of it.
     */
    private String id(String raw, SourceSpan where, String what, String in) {
        if (Revision.ID_PATTERN.matcher(raw).matches()) {
            return raw;
        }
        if (raw.isEmpty()) {
            problems.add(Problem.at(where, "empty " + what + in, "ids use letters, digits, '_' and '.'"));
            return null;
        }
        String fixed = sanitize(raw);
        String reason;
        if (raw.chars().anyMatch(c -> TARGET_SYNTAX.indexOf(c) >= 0)) {
            reason = "'-' '+' '@' ':' are target syntax";
        } else if (!ID_CHARACTERS.matcher(raw).matches()) {
            reason = "ids use only letters, digits, '_' and '.'";
        } else {
            reason = "ids have at most 128 characters";
        }
        problems.add(Problem.at(where, "invalid " + what + " '" + raw + "'" + in,
                "did you mean '" + fixed + "'? " + reason));
        return fixed;
    }

    /** Every character (code point) outside {@link Revision#ID_ALPHABET} becomes {@code _}; at most 128 characters. */
    static String sanitize(String raw) {
        String out = NOT_ID_CHARACTER.matcher(raw).replaceAll("_");
        return out.length() > Revision.ID_MAX_LENGTH ? out.substring(0, Revision.ID_MAX_LENGTH) : out;
    }

    /**
     * Checks the SQL files of a model kept from an earlier read ({@link KeptChangelog}) as reading
     * it would have: each path as {@link #sqlRef} gives it to {@code files}, with the same names.
     */
    static void checkFiles(Changelog changelog, SqlFiles files, List<Problem> problems) {
        for (Revision revision : changelog.revisions()) {
            checkFiles(revision, revision.up(), "up", files, problems);
            checkFiles(revision, revision.down(), "down", files, problems);
            checkFiles(revision, revision.test(), "test", files, problems);
        }
    }

    private static void checkFiles(Revision revision, SqlRef ref, String key, SqlFiles files, List<Problem> problems) {
        if (ref == null) {
            return;
        }
        if (ref.common() != null) {
            files.check(ref.common(), ref.span(), what(key, null), name(revision.id()), problems);
            return;
        }
        for (Map.Entry<DialectId, String> file : ref.perDialect().entrySet()) {
            SourceSpan where = revision.spans().getOrDefault(key + "." + file.getKey().key(), ref.span());
            files.check(file.getValue(), where, what(key, file.getKey()), name(revision.id()), problems);
        }
    }

    /** How messages name a revision: by its id as written. */
    private static String name(String id) {
        return "revision '" + id + "'";
    }

    /** How messages name one of a revision's files: {@code up file}, {@code sqlite down file}. */
    private static String what(String key, DialectId dialect) {
        return dialect == null ? key + " file" : dialect.key() + " " + key + " file";
    }

    /** The {@code up} or {@code down} of a revision, its files checked; {@code null} when absent or unusable. */
    private SqlRef sqlRef(JsonNode node, String key, String revision, Map<String, SourceSpan> spans) {
        JsonNode value = node.path(key);
        SourceSpan where = tree.spanOf(value, node);
        if (value.isTextual() && !value.asText().isEmpty()) {
            spans.put(key, where);
            files.check(value.asText(), where, what(key, null), revision, problems);
            return new SqlRef(value.asText(), Map.of(), where);
        }
        if (!value.isObject()) {
            return null;
        }
        Map<DialectId, String> perDialect = new EnumMap<>(DialectId.class);
        boolean unknownKeys = false;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            Optional<DialectId> dialect = dialect(entry.getKey());
            unknownKeys |= dialect.isEmpty();
            JsonNode file = entry.getValue();
            if (dialect.isEmpty() || !file.isTextual() || file.asText().isEmpty()) {
                continue;
            }
            SourceSpan fileSpan = tree.spanOf(file, value);
            spans.put(key + "." + entry.getKey(), fileSpan);
            perDialect.put(dialect.get(), file.asText());
            files.check(file.asText(), fileSpan, what(key, dialect.get()), revision, problems);
            if (!declared.isEmpty() && !declared.contains(dialect.get())) {
                problems.add(Problem.at(tree.keySpanOf(file),
                        "'" + key + "' of " + revision + " has a file for " + dialect.get()
                                + ", which 'dialects' does not list",
                        "add " + dialect.get() + " to 'dialects', or remove this line"));
            }
        }
        if (perDialect.isEmpty()) {
            return null;
        }
        spans.put(key, where);
        Set<DialectId> missing = EnumSet.copyOf(declared);
        missing.removeAll(perDialect.keySet());
        if (!missing.isEmpty() && !unknownKeys) {
            String names = missing.stream().map(DialectId::key).collect(Collectors.joining(" and "));
            DialectId first = missing.iterator().next();
            problems.add(Problem.at(Problem.Kind.DIALECT_COVERAGE, where,
                    "'" + key + "' of " + revision + " has no file for " + names,
                    "add '" + first.key() + ": <file>' under '" + key + "', or use one file for every dialect"));
        }
        return new SqlRef(null, perDialect, where);
    }
}
