package io.graft.cli.render;

import io.graft.AppliedRevision;
import io.graft.Branch;
import io.graft.Direction;
import io.graft.Drift;
import io.graft.DriftException;
import io.graft.MigrationException;
import io.graft.MigrationInterruptedException;
import io.graft.MigrationListener;
import io.graft.Problem;
import io.graft.RepairAction;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.SourceSpan;
import io.graft.Status;
import io.graft.TargetException;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.RunInterrupted;
import io.graft.cli.settings.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ParameterException;

/**
 * {@code --format json}: one document on stdout per run, keys in snake_case. Shapes:
 * <ul>
 *   <li>up/down/stamp: {@code {operation, direction, target, steps:[{revision, description,
 *       direction, statements, execution_ms}], current:[ids], elapsed_ms, nothing_to_do}}</li>
 *   <li>status/check: {@code {current, heads, applied:[row], running:[row + direction],
 *       pending:[revision], drift:[...], up_to_date}}: {@code applied} holds the completed rows
 *       only; a revision a run left part way is in {@code running}</li>
 *   <li>current: {@code {current:[{id, head, known, description}], running:[row + direction]}}</li>
 *   <li>history/heads/show: revisions as {@code {id, parents, description, labels, depends_on,
 *       up, down, transactional, repeatable, head, merge, branchpoint, children, source}}; a
 *       pending revision is {@code {id, parents, description, repeatable, changed}}</li>
 *   <li>errors: {@code {error:{type, message, exit_code, problems:[{file, line, column, message,
 *       hint}]}}}; a failed up/down is its run document (what ran before the failure) with
 *       {@code error}, a failed check its check document with {@code ok: false} and {@code error}</li>
 * </ul>
 * The JSON Schemas under {@code io/graft/schema/output/} and {@code docs/json-output.md} are the
 * reference; {@code JsonOutputSchemaTest} holds every command's real output to them.
 */
public final class JsonRenderer implements Renderer {

    private final Output output;

    public JsonRenderer(Output output) {
        this.output = output;
    }

    /** Nothing on stdout while running (the document comes at the end); a lock wait is noticed on stderr. */
    @Override
    public MigrationListener progress() {
        return new MigrationListener() {
            /** On stderr, as in text mode: stdout keeps its one document. */
            @Override
            public void waitingForLock(String holder) {
                output.notice("graft: waiting for the migration lock"
                        + (holder == null || holder.isBlank() ? "" : " held by " + holder) + " ...");
            }
        };
    }

    @Override
    public void run(String operation, RunResult result) {
        output.document(runDoc(operation, result));
    }

    private static Map<String, Object> runDoc(String operation, RunResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("operation", operation);
        doc.put("direction", result.direction().name().toLowerCase());
        doc.put("target", result.target() != null ? result.target().text() : operation.equals("purge") ? "--purge" : null);
        doc.put("steps", result.steps().stream().map(JsonRenderer::step).toList());
        doc.put("current", result.current());
        doc.put("elapsed_ms", result.elapsedMs());
        doc.put("nothing_to_do", result.nothingToDo());
        return doc;
    }

    @Override
    public void status(Settings settings, Status status, GraphFacts facts) {
        Map<String, Object> doc = statusDoc(status);
        doc.put("database", settings.url());
        doc.put("changelog", settings.changelog().toString());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("state", status.schema().kind().key());
        schema.put("recorded_at", status.schema().recordedAt() == null ? null : instant(status.schema().recordedAt()));
        schema.put("recorded_revisions", status.schema().recordedRevisions());
        schema.put("differences", status.schema().differences());
        doc.put("schema", schema);
        output.document(doc);
    }

    @Override
    public void current(Status status, GraphFacts facts) {
        List<Map<String, Object>> current = new ArrayList<>();
        for (String id : status.current()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", id);
            entry.put("head", facts.isHead(id));
            entry.put("known", facts.known(id));
            Revision r = facts.revision(id);
            entry.put("description", r == null ? null : r.description());
            current.add(entry);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("current", current);
        doc.put("running", status.running().stream().map(JsonRenderer::running).toList());
        output.document(doc);
    }

    @Override
    public void history(List<Revision> revisions, GraphFacts facts, Status applied, boolean verbose) {
        Map<String, AppliedRevision> rows = appliedById(applied);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Revision r : revisions) {
            Map<String, Object> view = revision(r, facts);
            if (applied != null) {
                AppliedRevision row = rows.get(r.id());
                view.put("applied", row != null && !row.running());
                view.put("running", row != null && row.running());
                view.put("current", applied.current().contains(r.id()));
                view.put("applied_at", row == null || row.running() ? null : instant(row.appliedAt()));
            }
            list.add(view);
        }
        output.document(Map.of("revisions", list));
    }

    @Override
    public void heads(List<Revision> heads, GraphFacts facts, boolean verbose) {
        output.document(Map.of("heads", heads.stream().map(r -> revision(r, facts)).toList()));
    }

    @Override
    public void branches(List<Branch> branches, GraphFacts facts) {
        List<Map<String, Object>> labelled = new ArrayList<>();
        for (Branch b : branches) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("label", b.label());
            view.put("revision", b.revisionId());
            view.put("heads", b.heads());
            labelled.add(view);
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Revision r : facts.branchPoints()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("revision", r.id());
            view.put("children", facts.children(r.id()));
            points.add(view);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("branches", labelled);
        doc.put("branchpoints", points);
        output.document(doc);
    }

    @Override
    public void show(Revision revision, GraphFacts facts) {
        output.document(revision(revision, facts));
    }

    @Override
    public void validated(Changelog changelog, GraphFacts facts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("valid", true);
        doc.put("changelog", changelog.file().toString());
        doc.put("revisions", changelog.revisions().size());
        doc.put("heads", List.copyOf(facts.heads()));
        output.document(doc);
    }

    @Override
    public void checked(Status status) {
        Map<String, Object> doc = statusDoc(status);
        doc.put("ok", status.drift().isEmpty());
        output.document(doc);
    }

    @Override
    public void checksumsRepaired(List<String> revisionIds) {
        output.document(Map.of("repaired", revisionIds));
    }

    @Override
    public void repaired(String revisionId, RepairAction action) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("revision", revisionId);
        doc.put("action", action.name().toLowerCase().replace('_', '-'));
        output.document(doc);
    }

    @Override
    public void initialized(Path changelog, Path sqlFolder) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("changelog", changelog.toString());
        doc.put("sql_folder", sqlFolder.toString());
        output.document(doc);
    }

    @Override
    public void imported(io.graft.ImportResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("changelog", result.changelog().toString());
        doc.put("manifest", result.manifest().toString());
        doc.put("revisions", result.revisions());
        doc.put("repeatable", result.repeatable());
        doc.put("copied", result.copied());
        doc.put("notes", result.notes().stream().map(JsonRenderer::problem).toList());
        output.document(doc);
    }

    @Override
    public void diffed(io.graft.SchemaDiffResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dialect", result.dialect().key());
        doc.put("from", result.from());
        doc.put("to", result.to());
        doc.put("destructive", result.changes().stream().anyMatch(io.graft.SchemaChange::destructive));
        doc.put("changes", changes(result.changes()));
        output.document(doc);
    }

    /** Schema changes as {@code graft diff} prints them; {@code graft new --autogenerate} prints the same. */
    public static List<Map<String, Object>> changes(List<io.graft.SchemaChange> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (io.graft.SchemaChange c : changes) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("kind", c.kind());
            change.put("subject", c.subject());
            change.put("destructive", c.destructive());
            if (c.note() != null) {
                change.put("note", c.note());
            }
            change.put("comment", c.comment());
            change.put("statements", c.statements());
            out.add(change);
        }
        return out;
    }

    @Override
    public void adopted(io.graft.AdoptResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tool", result.tool());
        doc.put("history_rows", result.historyRows());
        doc.put("recorded", result.run().steps().stream().map(RevisionStep::revisionId).toList());
        doc.put("pending_repeatable", result.pending());
        doc.put("current", result.run().current());
        doc.put("elapsed_ms", result.run().elapsedMs());
        output.document(doc);
    }

    /**
     * The error document. A failure that stopped {@code up} or {@code down} comes inside the run's
     * document (what was applied or reverted before it, then {@code error}); drift found by
     * {@code check} inside the check's document ({@code ok: false}); any other error alone.
     */
    @Override
    public void error(Throwable error, boolean verbose) {
        ExitCodes.Family family = ExitCodes.familyOf(error);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", family.type());
        body.put("message", ErrorText.message(error));
        body.put("exit_code", family.exitCode());
        List<Problem> problems = ErrorText.problems(error);
        body.put("problems", problems.stream().map(JsonRenderer::problem).toList());
        if (error instanceof TargetException t) {
            body.put("target", t.target());
            body.put("candidates", t.candidates());
        }
        MigrationException migration = error instanceof RunInterrupted i && i.run() != null ? i.run()
                : error instanceof MigrationException m ? m : null;
        if (migration != null) {
            body.put("revision", migration.revisionId());
            body.put("sql_state", migration.sqlState());
        }
        if (error instanceof RunInterrupted i) {
            body.put("interrupted", interrupted(i));
        }
        boolean checkDocument = error instanceof DriftException d && d.status().isPresent();
        if (error instanceof DriftException d && !checkDocument) {
            body.put("drift", d.drift().stream().map(JsonRenderer::drift).toList());
        }
        if (error instanceof ParameterException) {
            body.put("usage", "graft --help");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        if (checkDocument) {
            doc = statusDoc(((DriftException) error).status().orElseThrow());
            doc.put("ok", false);
        } else if (migration != null && migration.partialRun().isPresent()) {
            RunResult partial = migration.partialRun().get();
            doc = runDoc(partial.direction() == Direction.UP ? "up" : "down", partial);
            doc.put("nothing_to_do", false);
        }
        doc.put("error", body);
        output.document(doc);
        if (verbose) {
            error.printStackTrace(output.err());
            output.err().flush();
        }
    }

    private static Map<String, Object> interrupted(RunInterrupted error) {
        MigrationInterruptedException run = error.run();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("signal", error.signal());
        if (run == null) {
            view.put("revision", null);
            view.put("statements_done", null);
            view.put("statements_total", null);
            view.put("rolled_back", null);
            view.put("not_run", List.of());
            return view;
        }
        view.put("revision", run.revisionId());
        view.put("statements_done", run.revisionId() == null ? null : run.statementsDone());
        view.put("statements_total", run.revisionId() == null ? null : run.statementsTotal());
        view.put("rolled_back", run.rolledBack());
        view.put("not_run", run.notRun());
        return view;
    }

    static Map<String, Object> problem(Problem p) {
        Map<String, Object> view = new LinkedHashMap<>();
        SourceSpan where = p.where();
        view.put("file", where.file());
        view.put("line", where.line() == 0 ? null : where.line());
        view.put("column", where.column() == 0 ? null : where.column());
        view.put("message", p.message());
        view.put("hint", p.hint());
        return view;
    }

    private static Map<String, Object> statusDoc(Status status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("current", status.current());
        doc.put("heads", status.heads().stream().map(Revision::id).toList());
        doc.put("applied", status.completed().stream().map(JsonRenderer::applied).toList());
        doc.put("running", status.running().stream().map(JsonRenderer::running).toList());
        doc.put("pending", status.pending().stream().map(r -> pending(r, status)).toList());
        doc.put("drift", status.drift().stream().map(JsonRenderer::drift).toList());
        doc.put("up_to_date", status.upToDate());
        return doc;
    }

    private static Map<String, Object> step(RevisionStep s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("revision", s.revisionId());
        view.put("description", s.description());
        view.put("direction", s.direction().name().toLowerCase());
        view.put("statements", s.statements());
        view.put("execution_ms", s.executionMs());
        return view;
    }

    private static Map<String, Object> applied(AppliedRevision a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.id());
        view.put("parents", a.parents());
        view.put("state", a.state().key());
        view.put("checksum", a.checksum());
        view.put("statements_done", a.statementsDone());
        view.put("statements_total", a.statementsTotal());
        view.put("failed_statement", a.failedStatement());
        view.put("applied_at", instant(a.appliedAt()));
        view.put("applied_by", a.appliedBy());
        view.put("execution_ms", a.executionMs());
        view.put("description", a.description());
        return view;
    }

    /** A row left {@code running}: the row as {@link #applied} shows it, and which way it was going. */
    private static Map<String, Object> running(AppliedRevision a) {
        Map<String, Object> view = applied(a);
        view.put("direction", a.direction().name().toLowerCase(Locale.ROOT));
        return view;
    }

    private static Map<String, Object> pending(Revision r, Status status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("parents", r.parents());
        view.put("description", r.description());
        view.put("repeatable", r.repeatable());
        view.put("changed", r.repeatable() && status.applied().stream().anyMatch(a -> a.id().equals(r.id())));
        return view;
    }

    /** Every key always present, null where it does not apply to the kind. */
    private static Map<String, Object> drift(Drift d) {
        Map<String, Object> view = new LinkedHashMap<>();
        AppliedRevision row = d.row();
        view.put("kind", d.kind().name().toLowerCase());
        view.put("revision", d.revisionId());
        view.put("message", d.message());
        view.put("hint", d.hint());
        view.put("file", d.file());
        view.put("checksum_applied", d.kind() == Drift.Kind.CHECKSUM_CHANGED && row != null ? row.checksum() : null);
        view.put("checksum_now", d.currentChecksum());
        view.put("state", row == null ? null : row.state().key());
        view.put("statements_done", row == null ? null : row.statementsDone());
        view.put("statements_total", row == null ? null : row.statementsTotal());
        view.put("failed_statement", row == null ? null : row.failedStatement());
        view.put("applied_at", row == null ? null : instant(row.appliedAt()));
        return view;
    }

    static Map<String, Object> revision(Revision r, GraphFacts facts) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("parents", r.parents());
        view.put("description", r.description());
        view.put("labels", r.labels());
        view.put("depends_on", r.dependsOn());
        view.put("up", sql(r.up()));
        view.put("down", r.down() == null ? null : sql(r.down()));
        view.put("transactional", r.transactional());
        view.put("repeatable", r.repeatable());
        view.put("head", facts.isHead(r.id()));
        view.put("merge", r.isMerge());
        view.put("branchpoint", facts.isBranchPoint(r.id()));
        view.put("children", facts.children(r.id()));
        view.put("source", r.span().toString());
        return view;
    }

    private static Object sql(SqlRef ref) {
        if (!ref.isPerDialect()) {
            return ref.common();
        }
        return ref.perDialect().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().key(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, AppliedRevision> appliedById(Status status) {
        Map<String, AppliedRevision> rows = new LinkedHashMap<>();
        if (status != null) {
            status.applied().forEach(a -> rows.put(a.id(), a));
        }
        return rows;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
