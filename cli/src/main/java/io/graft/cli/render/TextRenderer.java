package io.graft.cli.render;

import io.graft.Target;
import io.graft.AppliedRevision;
import io.graft.Branch;
import io.graft.Direction;
import io.graft.Drift;
import io.graft.MigrationListener;
import io.graft.Problem;
import io.graft.RepairAction;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.SchemaState;
import io.graft.Status;
import io.graft.TargetException;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.RunInterrupted;
import io.graft.cli.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Text output, Alembic-like where Alembic has an equivalent: {@code 0002_orders -> 0003_x (head),
 * Add x} for history and heads, a {@code Rev:} block for {@code show} and {@code -v}.
 */
public final class TextRenderer implements Renderer {

    private final Output output;
    private final Style style;
    private final Set<String> progressPrinted = new LinkedHashSet<>();

    public TextRenderer(Output output) {
        this.output = output;
        this.style = output.style();
    }

    /** Prints a line per revision as it finishes, with its time. */
    @Override
    public MigrationListener progress() {
        return new MigrationListener() {
            @Override
            public void waitingForLock(String holder) {
                output.notice("graft: waiting for the migration lock"
                        + (holder == null || holder.isBlank() ? "" : " held by " + holder) + " ...");
            }

            @Override
            public void revisionStarted(String revisionId, Direction direction, int index, int total) {
                if (output.interactive()) {
                    output.partial("  " + (direction == Direction.UP ? "applying " : "reverting ") + revisionId
                            + " ...");
                }
            }

            @Override
            public void revisionFinished(RevisionStep step, int index, int total) {
                if (output.interactive()) {
                    output.partial("\r\u001b[K");
                }
                output.line(stepLine(step, step.direction() == Direction.UP ? "applied" : "reverted"));
                progressPrinted.add(step.revisionId());
            }
        };
    }

    @Override
    public void run(String operation, RunResult result) {
        String verb = switch (operation) {
            case "stamp" -> "stamped";
            case "purge" -> "removed";
            case "resume" -> "resumed and applied";
            default -> result.direction() == Direction.UP ? "applied" : "reverted";
        };
        for (RevisionStep step : result.steps()) {
            if (!progressPrinted.contains(step.revisionId())) {
                output.line(operation.equals("stamp") || operation.equals("purge")
                        ? "  " + verb + " " + step.revisionId() : stepLine(step, verb));
            }
        }
        String current = result.current().isEmpty() ? "<base>" : String.join(", ", result.current());
        if (operation.equals("purge")) {
            output.line("History purged: " + count(result.steps().size()) + " removed.");
            return;
        }
        if (result.nothingToDo()) {
            Target parsed = result.target() == null ? Target.HEADS : result.target();
            String target = parsed.text();
            output.line(switch (operation) {
                case "up" -> parsed instanceof Target.Heads
                        ? "Nothing to do: database is at heads (" + current + ")."
                        : "Nothing to do: " + target + " is already applied (current: " + current + ").";
                case "down" -> "Nothing to do: nothing applied above " + target + " (current: " + current + ").";
                default -> "Nothing to do: history already at " + target + " (current: " + current + ").";
            });
            return;
        }
        String seconds = String.format(Locale.ROOT, "%.2f s", result.elapsedMs() / 1000.0);
        output.line(style.bold(count(result.steps().size()) + " " + verb + " in " + seconds) + "; current: " + current);
    }

    @Override
    public void status(Settings settings, Status status, GraphFacts facts) {
        output.line(label("Database:") + settings.url());
        output.line(label("Changelog:") + settings.changelog());
        if (settings.environment() != null) {
            output.line(label("Environment:") + settings.environment());
        }
        output.line(label("Current:") + (status.current().isEmpty() ? "<base> (nothing applied)"
                : status.current().stream().map(id -> id + markers(id, facts, null)).collect(Collectors.joining(", "))));
        output.line(label("Heads:") + status.heads().stream().map(Revision::id).collect(Collectors.joining(", ")));
        output.line(label("Applied:") + count(status.completed().size()));
        for (AppliedRevision row : status.running()) {
            output.line(label("Running:") + style.red(row.id()) + "  " + runningDetail(row));
        }
        Set<String> running = status.running().stream().map(AppliedRevision::id).collect(Collectors.toSet());
        if (status.pending().isEmpty()) {
            output.line(label("Pending:") + "none");
        } else {
            output.line(label("Pending:") + count(status.pending().size()));
            for (Revision r : status.pending()) {
                output.line("  " + style.yellow(r.id()) + repeatable(r, status)
                        + (r.description() == null ? "" : "  " + r.description())
                        + (running.contains(r.id()) ? "  (running, see above)" : ""));
            }
        }
        drift(status.drift());
        schema(status.schema());
        if (status.upToDate()) {
            output.line(style.green("Up to date."));
        } else if (status.drift().isEmpty()) {
            output.line("Run 'graft up' to apply " + count(status.pending().size()) + ".");
        }
    }

    @Override
    public void current(Status status, GraphFacts facts) {
        if (status.current().isEmpty()) {
            output.line("<base> (nothing applied)");
        }
        for (String id : status.current()) {
            String suffix = facts.known(id) ? markers(id, facts, null) : " (not in the changelog)";
            output.line(id + suffix);
        }
        for (AppliedRevision row : status.running()) {
            output.line(row.id() + " (running, not applied: " + runningDetail(row) + ")");
        }
    }

    /** What a run left {@code running} did: how many statements completed, going which way, where it stopped. */
    private static String runningDetail(AppliedRevision row) {
        return row.statementsDone() + " of " + row.statementsTotal() + " statement(s) completed"
                + (row.direction() == Direction.DOWN ? " while reverting" : "")
                + (row.failedStatement() == null ? "" : "; stopped at " + row.failedStatement());
    }

    @Override
    public void history(List<Revision> revisions, GraphFacts facts, Status applied, boolean verbose) {
        for (Revision r : revisions) {
            if (verbose) {
                block(r, facts, applied);
            } else {
                output.line(edge(r) + markers(r.id(), facts, applied)
                        + (r.description() == null ? "" : ", " + r.description()));
            }
        }
    }

    @Override
    public void heads(List<Revision> heads, GraphFacts facts, boolean verbose) {
        for (Revision r : heads) {
            if (verbose) {
                block(r, facts, null);
            } else {
                output.line(r.id() + markers(r.id(), facts, null));
            }
        }
    }

    @Override
    public void branches(List<Branch> branches, GraphFacts facts) {
        if (branches.isEmpty() && facts.branchPoints().isEmpty()) {
            output.line("No branches: the changelog is a single line.");
            return;
        }
        for (Branch b : branches) {
            output.line(style.cyan(b.label()) + ": " + b.revisionId() + " -> " + String.join(", ", b.heads())
                    + (b.heads().size() == 1 ? " (head)" : " (heads)"));
        }
        for (Revision r : facts.branchPoints()) {
            output.line(r.id() + markers(r.id(), facts, null));
            for (String child : facts.children(r.id())) {
                output.line("    -> " + child + markers(child, facts, null));
            }
        }
    }

    @Override
    public void show(Revision revision, GraphFacts facts) {
        block(revision, facts, null);
    }

    @Override
    public void validated(Changelog changelog, GraphFacts facts) {
        int n = changelog.revisions().size();
        output.line(style.green("Valid") + ": " + changelog.file() + " (" + count(n) + "; "
                + (facts.heads().size() == 1 ? "head " : "heads ") + String.join(", ", facts.heads()) + ")");
    }

    @Override
    public void checked(Status status) {
        drift(status.drift());
        String pending = status.pending().isEmpty() ? "nothing pending"
                : count(status.pending().size()) + " pending ("
                        + status.pending().stream().map(Revision::id).collect(Collectors.joining(", ")) + ")";
        if (status.drift().isEmpty()) {
            output.line(style.green("OK") + ": changelog and database agree; " + count(status.completed().size())
                    + " applied, " + pending + ".");
        }
    }

    @Override
    public void checksumsRepaired(List<String> revisionIds) {
        if (revisionIds.isEmpty()) {
            output.line("No changed checksums: nothing to repair.");
        } else {
            output.line("Accepted the new checksums of " + count(revisionIds.size()) + ": "
                    + String.join(", ", revisionIds));
        }
    }

    @Override
    public void repaired(String revisionId, RepairAction action) {
        output.line(action == RepairAction.APPLIED ? revisionId + " is now recorded as applied."
                : revisionId + " is removed from the history (rolled back).");
    }

    @Override
    public void initialized(Path changelog, Path sqlFolder) {
        output.line("Created " + changelog + " and " + sqlFolder + "/");
        output.line("Add revisions to the changelog, write their SQL files, then run 'graft up'.");
    }

    @Override
    public void imported(io.graft.ImportResult result) {
        for (Problem note : result.notes()) {
            output.errorLine(style.yellow("note:") + " " + note.render());
        }
        output.line("Wrote " + result.changelog() + ": " + count(result.revisions())
                + (result.repeatable() == 0 ? "" : " (" + result.repeatable() + " repeatable)") + ", "
                + result.copied() + " SQL file(s) copied; " + result.manifest().getFileName()
                + " maps them to the old tool's history.");
        output.line("Check it with 'graft -c " + result.changelog() + " validate'; on a database the old tool"
                + " migrated, run 'graft -c " + result.changelog() + " adopt --from TOOL' before 'graft up'.");
    }

    @Override
    public void diffed(io.graft.SchemaDiffResult result) {
        if (result.isEmpty()) {
            output.line("No differences.");
            return;
        }
        long destructive = result.changes().stream().filter(io.graft.SchemaChange::destructive).count();
        for (io.graft.SchemaChange change : result.changes()) {
            String line = change.kind().replace('_', ' ') + " " + change.subject()
                    + (change.note() == null ? "" : " (" + change.note() + ")");
            output.line("  " + (change.destructive() ? style.red("DESTRUCTIVE ") + line
                    : "unsupported".equals(change.kind()) ? style.yellow(line) : line));
        }
        output.line(result.changes().size() + " change(s)" + (destructive == 0 ? "" : ", " + destructive
                + " destructive") + "; --format sql prints the statements.");
    }

    @Override
    public void adopted(io.graft.AdoptResult result) {
        RunResult run = result.run();
        String current = run.current().isEmpty() ? "<base>" : String.join(", ", run.current());
        output.line("Read " + result.historyRows() + " row(s) of " + result.tool() + "'s history; recorded "
                + count(run.steps().size()) + " as applied, running no SQL; current: " + current + ".");
        for (String id : result.pending()) {
            output.line("  " + style.yellow(id) + " (repeatable): its file changed since " + result.tool()
                    + " applied it; 'graft up' applies it again");
        }
        output.line(result.tool() + "'s own table is left as it was. Next: 'graft status', then 'graft up'.");
    }

    @Override
    public void error(Throwable error, boolean verbose) {
        // An interrupted run is not an error of the database's or the user's: its account comes without "error:".
        output.errorLine(style.red(error instanceof RunInterrupted ? "graft:" : "graft: error:") + " "
                + ErrorText.message(error));
        for (Problem p : ErrorText.problems(error)) {
            output.errorLine(p.render());
        }
        if (error instanceof TargetException t && !t.candidates().isEmpty()
                && !t.candidates().stream().allMatch(c -> String.valueOf(t.getMessage()).contains(c))) {
            output.errorLine("  candidates: " + String.join(", ", t.candidates()));
        }
        if (verbose) {
            error.printStackTrace(output.err());
            output.err().flush();
        } else if (ExitCodes.familyOf(error) == ExitCodes.Family.INTERNAL) {
            output.errorLine("  (run with -v for the stack trace)");
        }
    }

    private String stepLine(RevisionStep step, String verb) {
        String colored = verb.equals("applied") ? style.green(verb) : style.yellow(verb);
        return "  " + colored + " " + step.revisionId() + "  " + style.dim("(" + step.executionMs() + " ms)");
    }

    /** The live schema against the one recorded after the last run; nothing when it was not compared. */
    private void schema(SchemaState schema) {
        String at = schema.recordedAt() == null ? "" : " (recorded " + schema.recordedAt() + ")";
        switch (schema.kind()) {
            case NOT_CHECKED -> {
            }
            case NOT_RECORDED -> output.line(label("Schema:") + "not recorded yet (the next 'graft up' that changes"
                    + " something records it)");
            case OTHER_REVISIONS -> output.line(label("Schema:") + "recorded at other revisions" + at
                    + "; 'graft drift --against changelog' compares with the changelog");
            case AS_RECORDED -> output.line(label("Schema:") + "as recorded" + at);
            case DRIFTED -> output.line(label("Schema:") + style.red("schema drifted") + ": "
                    + schema.differences() + (schema.differences() == 1 ? " object differs" : " objects differ")
                    + " from the schema recorded" + at + "; 'graft drift' names them");
        }
    }

    private void drift(List<Drift> drift) {
        if (drift.isEmpty()) {
            return;
        }
        output.line(label("Problems:") + drift.size());
        for (Drift d : drift) {
            for (String line : Hints.under("  " + style.red(d.revisionId()) + ": " + d.message(), d.hint(), "    ")) {
                output.line(line);
            }
        }
    }

    /** {@code (repeatable)}, or {@code (repeatable, changed)} for one applied before whose file changed. */
    private static String repeatable(Revision r, Status status) {
        if (!r.repeatable()) {
            return "";
        }
        boolean applied = status.applied().stream().anyMatch(a -> a.id().equals(r.id()));
        return applied ? " (repeatable, changed)" : " (repeatable)";
    }

    /** The Alembic-like verbose block for one revision. */
    private void block(Revision r, GraphFacts facts, Status applied) {
        output.line("Rev: " + style.bold(r.id()) + markers(r.id(), facts, applied));
        if (r.isMerge()) {
            output.line("Merges: " + String.join(", ", r.parents()));
        } else {
            output.line("Parent: " + (r.parents().isEmpty() ? "<base>" : r.parents().get(0)));
        }
        if (!r.labels().isEmpty()) {
            output.line("Labels: " + String.join(", ", r.labels()));
        }
        if (!r.dependsOn().isEmpty()) {
            output.line("Depends on: " + String.join(", ", r.dependsOn()));
        }
        if (facts.isBranchPoint(r.id())) {
            output.line("Branches into: " + String.join(", ", facts.children(r.id())));
        }
        output.line("Up: " + files(r.up()));
        output.line("Down: " + (r.down() == null ? "(none: irreversible)" : files(r.down())));
        if (!r.transactional()) {
            output.line("Transaction: no (statements autocommit one by one)");
        }
        if (r.repeatable()) {
            output.line("Repeatable: yes (applied again, after the others, whenever its up file changes)");
        }
        output.line("Source: " + r.span());
        if (applied != null) {
            AppliedRevision row = applied.applied().stream().filter(a -> a.id().equals(r.id())).findFirst().orElse(null);
            output.line("Applied: " + (row == null ? "no"
                    : row.running() ? "no: running since " + row.appliedAt() + ", " + runningDetail(row)
                    : row.appliedAt() + (row.appliedBy() == null ? "" : " by " + row.appliedBy())
                            + " (" + row.executionMs() + " ms)"));
        }
        output.line("");
        if (r.description() != null) {
            r.description().lines().forEach(l -> output.line("    " + l));
            output.line("");
        }
    }

    private static String edge(Revision r) {
        String from = r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents());
        return from + " -> " + r.id();
    }

    /** {@code (label) (head) (current) (branchpoint) (mergepoint)}, as Alembic prints them. */
    private String markers(String id, GraphFacts facts, Status applied) {
        List<String> marks = new ArrayList<>();
        Revision r = facts.revision(id);
        if (r != null) {
            r.labels().forEach(l -> marks.add(style.cyan("(" + l + ")")));
        }
        if (facts.isHead(id)) {
            marks.add(style.bold("(head)"));
        }
        if (applied != null) {
            if (applied.current().contains(id)) {
                marks.add(style.green("(current)"));
            } else if (applied.running().stream().anyMatch(a -> a.id().equals(id))) {
                marks.add(style.red("(running)"));
            } else if (applied.applied().stream().noneMatch(a -> a.id().equals(id))) {
                marks.add(style.yellow("(pending)"));
            }
        }
        if (facts.isBranchPoint(id)) {
            marks.add("(branchpoint)");
        }
        if (r != null && r.isMerge()) {
            marks.add("(mergepoint)");
        }
        return marks.isEmpty() ? "" : " " + String.join(" ", marks);
    }

    private static String files(SqlRef ref) {
        if (!ref.isPerDialect()) {
            return ref.common();
        }
        return ref.perDialect().entrySet().stream().map(e -> e.getKey().key() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String label(String label) {
        return String.format("%-13s", label);
    }

    private static String count(int n) {
        return n + (n == 1 ? " revision" : " revisions");
    }
}
