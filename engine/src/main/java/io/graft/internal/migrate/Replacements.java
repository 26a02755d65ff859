package io.graft.internal.migrate;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.Drift;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.internal.history.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The history as a squashed changelog sees it ({@code replaces:}, written by {@code graft squash}):
 * a database that applied every revision a squashed one replaces has applied the squashed one;
 * one that applied only some of them cannot be brought forward, and says which are missing. Reads
 * see the rows folded ({@link #view}); a run, holding the lock, rewrites them ({@link #settle}):
 * the replaced rows go, one row of the squashed revision comes, and {@code graft_log} says so.
 */
final class Replacements {

    /** The history seen through the replacements. */
    record View(List<AppliedRevision> rows, List<Drift> drift, Map<Revision, List<AppliedRevision>> folded,
            Map<String, AppliedRevision> created) {

        boolean unchanged() {
            return folded.isEmpty();
        }
    }

    private final Map<String, Revision> replacedBy = new HashMap<>();

    Replacements(Changelog changelog) {
        for (Revision r : changelog.revisions()) {
            r.replaces().forEach(old -> replacedBy.put(old, r));
        }
    }

    /**
     * The rows with each complete set of replaced rows folded into one row of the squashed
     * revision (placed where the last of them was; its checksum the squashed up file's, from
     * {@code checksum}), and a drift for each set that is incomplete.
     */
    View view(List<AppliedRevision> rows, Function<Revision, String> checksum) {
        if (replacedBy.isEmpty()) {
            return new View(rows, List.of(), Map.of(), Map.of());
        }
        Map<Revision, List<AppliedRevision>> groups = new LinkedHashMap<>();
        Set<String> present = rows.stream().map(AppliedRevision::id).collect(Collectors.toSet());
        for (AppliedRevision row : rows) {
            Revision squashed = replacedBy.get(row.id());
            if (squashed != null && !row.running()) {
                groups.computeIfAbsent(squashed, k -> new ArrayList<>()).add(row);
            }
        }
        Map<Revision, List<AppliedRevision>> folded = new LinkedHashMap<>();
        List<Drift> drift = new ArrayList<>();
        Set<String> partial = new java.util.HashSet<>();
        groups.forEach((squashed, group) -> {
            Set<String> have = group.stream().map(AppliedRevision::id).collect(Collectors.toSet());
            List<String> missing = squashed.replaces().stream().filter(id -> !have.contains(id)).toList();
            if (missing.isEmpty() || present.contains(squashed.id())) {
                folded.put(squashed, group);
            } else {
                partial.addAll(have);
                drift.add(new Drift(Drift.Kind.UNKNOWN_REVISION, group.get(0).id(), "the database holds "
                        + quoted(group.stream().map(AppliedRevision::id).toList()) + " of the revisions that '"
                        + squashed.id() + "' replaces, but not " + quoted(missing)
                        + ", so it is neither before nor after the squash",
                        "apply the missing ones with the changelog from before the squash (its revisions are in"
                                + " version control), then run 'graft up' with this one"));
            }
        });
        List<AppliedRevision> out = new ArrayList<>();
        Map<String, Revision> lastOfGroup = new HashMap<>();
        folded.forEach((squashed, group) -> lastOfGroup.put(group.get(group.size() - 1).id(), squashed));
        Map<String, AppliedRevision> created = new HashMap<>();
        Set<String> foldedIds = folded.values().stream().flatMap(List::stream).map(AppliedRevision::id)
                .collect(Collectors.toSet());
        for (AppliedRevision row : rows) {
            if (partial.contains(row.id())) {
                continue;
            }
            if (!foldedIds.contains(row.id())) {
                out.add(row);
                continue;
            }
            Revision squashed = lastOfGroup.get(row.id());
            if (squashed != null && !present.contains(squashed.id())) {
                AppliedRevision folding = row(squashed, folded.get(squashed), checksum.apply(squashed));
                created.put(squashed.id(), folding);
                out.add(folding);
            }
        }
        return new View(out, drift, folded, created);
    }

    /**
     * Rewrites the folded rows of {@code view} (the caller holds the lock and commits): the
     * replaced rows deleted, the squashed revision's row inserted, one {@code squash} log line each.
     */
    void settle(Connection c, HistoryStore history, View view, String user) throws SQLException {
        Instant now = Instant.now();
        for (Map.Entry<Revision, List<AppliedRevision>> e : view.folded().entrySet()) {
            Revision squashed = e.getKey();
            for (AppliedRevision old : e.getValue()) {
                history.delete(c, old.id());
            }
            AppliedRevision row = view.created().get(squashed.id());
            if (row != null) {
                history.insert(c, row, Direction.UP);
            }
            history.log(c, "squash", squashed.id(), now, now, true, "replaces "
                    + e.getValue().stream().map(AppliedRevision::id).collect(Collectors.joining(", ")), user);
        }
    }

    private static AppliedRevision row(Revision squashed, List<AppliedRevision> group, String checksum) {
        AppliedRevision last = group.get(group.size() - 1);
        Instant at = group.stream().map(AppliedRevision::appliedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(last.appliedAt());
        long ms = group.stream().mapToLong(AppliedRevision::executionMs).sum();
        return new AppliedRevision(squashed.id(), squashed.parents(), checksum, AppliedRevision.State.APPLIED, 0, 0,
                null, at, last.appliedBy(), ms, squashed.description(), Direction.UP);
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
