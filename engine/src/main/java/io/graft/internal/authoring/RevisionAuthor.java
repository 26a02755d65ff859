package io.graft.internal.authoring;

import io.graft.ChangelogException;
import io.graft.CreatedRevision;
import io.graft.NewRevision;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.TargetException;
import io.graft.changelog.Changelog;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.changelog.DialectId;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.changelog.Revision;
import io.graft.internal.graph.RevisionGraph;
import io.graft.Target;
import io.graft.internal.graph.TargetResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code graft new} and {@code graft merge}: writes the SQL stubs of a new revision and appends
 * its entry to the changelog as text ({@link ChangelogAppender}). The changelog must be valid
 * before, and is checked again after: if the result does not load, the changelog is restored and
 * the new files are removed.
 */
public final class RevisionAuthor {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./-]+");

    private final Path changelogFile;
    private final Clock clock;

    public RevisionAuthor(Path changelogFile, Clock clock) {
        this.changelogFile = changelogFile;
        this.clock = clock;
    }

    /** A new revision on the single head (or the given parents). */
    public CreatedRevision create(NewRevision request) {
        Loaded l = load();
        List<String> parents = parents(l, request);
        String body = "-- Write the upgrade here.\n";
        String downBody = "-- Write SQL that reverts the upgrade here.\n";
        return write(l, request, parents, d -> body, d -> downBody);
    }

    /**
     * The parents {@link #create(NewRevision)} would give the revision: those of the request
     * resolved, else the single head; with several heads a {@link TargetException} naming them.
     */
    public List<String> parents(NewRevision request) {
        return parents(load(), request);
    }

    /**
     * A new revision whose files hold SQL already written ({@code graft new --autogenerate}) for
     * {@code dialect}: the common files, or that dialect's files when the changelog declares
     * dialects; the files of another declared dialect get a stub saying what to write.
     */
    public CreatedRevision create(NewRevision request, List<String> parents, DialectId dialect, String up, String down) {
        Loaded l = load();
        String other = "-- Generated for " + dialect.key() + " only: write the same change for this dialect here.\n";
        return write(l, request, parents, d -> d.isEmpty() || d.equals(dialect.key()) ? up : other,
                d -> d.isEmpty() || d.equals(dialect.key()) ? down : other);
    }

    private static List<String> parents(Loaded l, NewRevision request) {
        if (!request.parents().isEmpty()) {
            return resolve(l.graph(), request.parents());
        }
        List<Revision> heads = l.graph().heads();
        if (heads.size() > 1) {
            List<String> ids = heads.stream().map(Revision::id).toList();
            throw new TargetException("head", "the changelog has " + heads.size() + " heads ("
                    + String.join(", ", ids) + "), so the parent of the new revision is ambiguous: give --parent, "
                    + "or join them first with 'graft merge -m MSG'", ids);
        }
        return heads.stream().map(Revision::id).toList();
    }

    /** A merge revision of the given revisions, or of every head. */
    public CreatedRevision merge(NewRevision request) {
        Loaded l = load();
        List<String> parents = request.parents().isEmpty()
                ? l.graph().heads().stream().map(Revision::id).toList()
                : resolve(l.graph(), request.parents());
        if (parents.size() < 2) {
            throw new TargetException(String.join(" ", request.parents()), parents.isEmpty()
                    ? "the changelog has no revisions to merge"
                    : "there is only one head (" + parents.get(0) + "): nothing to merge", parents);
        }
        String what = "-- Merges " + String.join(", ", parents) + ".\n"
                + "-- Nothing to do unless the branches need reconciling: write that SQL here.\n";
        return write(l, request, parents, d -> what, d -> what);
    }

    private record Loaded(Changelog changelog, RevisionGraph graph, String text) {
    }

    private Loaded load() {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelogFile, FileChecks.FULL).orThrow();
        try {
            String text = Files.readString(changelogFile, StandardCharsets.UTF_8);
            return new Loaded(loaded.changelog(), loaded.graph(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> resolve(RevisionGraph graph, List<String> targets) {
        TargetResolver resolver = new TargetResolver(graph);
        List<String> ids = new ArrayList<>();
        for (String t : targets) {
            String id = resolver.resolveOne(Target.parse(t), Set.of()).id();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** {@code upBody} and {@code downBody} give a file's text after its header, by dialect key ({@code ""}: the common file). */
    private CreatedRevision write(Loaded l, NewRevision request, List<String> parents, UnaryOperator<String> upBody,
            UnaryOperator<String> downBody) {
        Changelog changelog = l.changelog();
        List<String> dependsOn = resolve(l.graph(), request.dependsOn());
        String id = uniqueId(l.graph(), request);
        String folder = sqlFolder(changelog);
        Map<String, String> up = new LinkedHashMap<>();
        Map<String, String> down = new LinkedHashMap<>();
        List<DialectId> dialects = changelog.dialects().stream().sorted().toList();
        if (dialects.isEmpty()) {
            up.put("", folder + id + ".up.sql");
            down.put("", folder + id + ".down.sql");
        } else {
            for (DialectId d : dialects) {
                up.put(d.key(), folder + id + "." + d.key() + ".up.sql");
                down.put(d.key(), folder + id + "." + d.key() + ".down.sql");
            }
        }
        String header = "-- " + id + ": " + request.message().replaceAll("[\\r\\n]+", " ") + "\n";
        List<Path> created = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : up.entrySet()) {
                created.add(create(changelog.resolve(f.getValue()), header + upBody.apply(f.getKey())));
            }
            for (Map.Entry<String, String> f : down.entrySet()) {
                created.add(create(changelog.resolve(f.getValue()), header + downBody.apply(f.getKey())));
            }
            String entry = entry(id, parents, request, dependsOn, up, down);
            Files.writeString(changelogFile, ChangelogAppender.append(l.text(), entry), StandardCharsets.UTF_8);
            ChangelogLoader.loadGraph(changelogFile, FileChecks.FULL).orThrow();
        } catch (IOException | RuntimeException e) {
            rollback(l.text(), created);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
        return new CreatedRevision(id, parents, changelogFile, created);
    }

    private void rollback(String text, List<Path> created) {
        try {
            Files.writeString(changelogFile, text, StandardCharsets.UTF_8);
            for (Path p : created) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the original error is the one to report
        }
    }

    private static Path create(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(file.toString()), "the file already exists",
                    "remove it, or choose another message"));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String entry(String id, List<String> parents, NewRevision request, List<String> dependsOn,
            Map<String, String> up, Map<String, String> down) {
        StringBuilder e = new StringBuilder();
        e.append("- id: ").append(id).append('\n');
        e.append("  parents: ").append(list(parents)).append('\n');
        if (!request.message().isBlank()) {
            e.append("  description: ").append(quote(request.message().strip())).append('\n');
        }
        if (!request.labels().isEmpty()) {
            e.append("  labels: ").append(list(request.labels())).append('\n');
        }
        if (!dependsOn.isEmpty()) {
            e.append("  depends_on: ").append(list(dependsOn)).append('\n');
        }
        files(e, "up", up);
        files(e, "down", down);
        if (!request.transactional()) {
            e.append("  transaction: false\n");
        }
        return e.toString().stripTrailing();
    }

    private static void files(StringBuilder e, String key, Map<String, String> files) {
        if (files.containsKey("")) {
            e.append("  ").append(key).append(": ").append(scalar(files.get(""))).append('\n');
            return;
        }
        e.append("  ").append(key).append(":\n");
        files.forEach((d, f) -> e.append("    ").append(d).append(": ").append(scalar(f)).append('\n'));
    }

    private static String list(List<String> items) {
        return items.stream().map(RevisionAuthor::scalar).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String scalar(String value) {
        return PLAIN.matcher(value).matches() && !value.matches("[0-9.]+") ? value : quote(value);
    }

    /** A YAML double-quoted scalar. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private String uniqueId(RevisionGraph graph, NewRevision request) {
        String slug = slug(request.message());
        String base = switch (request.idScheme()) {
            case TIMESTAMP -> TIMESTAMP.format(clock.instant()) + "_" + slug;
            case SEQUENCE -> nextNumber(graph) + "_" + slug;
        };
        base = base.length() > 120 ? base.substring(0, 120) : base;
        String id = base;
        for (int n = 2; graph.contains(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private static String nextNumber(RevisionGraph graph) {
        long max = 0;
        int width = 4;
        for (Revision r : graph.revisions()) {
            Matcher m = LEADING_NUMBER.matcher(r.id());
            if (m.find() && m.group(1).length() <= 18) {
                long n = Long.parseLong(m.group(1));
                if (n >= max) {
                    max = n;
                    width = Math.max(width, m.group(1).length());
                }
            }
        }
        return String.format("%0" + width + "d", max + 1);
    }

    /** {@code "Add users (v2)!"} -> {@code add_users_v2}. */
    static String slug(String message) {
        String s = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.length() > 50) {
            s = s.substring(0, 50).replaceAll("_+$", "");
        }
        return s.isEmpty() ? "revision" : s;
    }

    /** Where the last revision keeps its SQL ({@code sql/}), or {@code sql/} for a new changelog. */
    private static String sqlFolder(Changelog changelog) {
        List<Revision> revisions = changelog.revisions();
        if (revisions.isEmpty()) {
            return "sql/";
        }
        Revision last = revisions.get(revisions.size() - 1);
        String path = last.up().common() != null ? last.up().common() : last.up().perDialect().values().iterator().next();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
