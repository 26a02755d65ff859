package io.graft.cli.render;

import io.graft.AppliedRevision;
import io.graft.Branch;
import io.graft.Drift;
import io.graft.MigrationException;
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
 *       hint}]}}}</li>
 * </ul>
 */
public final class JsonRenderer implements Renderer {

    private final Output output;

    public JsonRenderer(Output output) {
        this.output = output;
    }

    /** Nothing while running: the document comes at the end. */
    @Override
    public MigrationListener progress() {
        return new MigrationListener() {
        };
    }

    @Override
    public void run(String operation, RunResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("operation", operation);
        doc.put("direction", result.direction().name().toLowerCase());
        doc.put("target", result.target() != null ? result.target().text() : operation.equals("purge") ? "--purge" : null);
        doc.put("steps", result.steps().stream().map(JsonRenderer::step).toList());
        doc.put("current", result.current());
        doc.put("elapsed_ms", result.elapsedMs());
        doc.put("nothing_to_do", result.nothingToDo());
        output.document(doc);
    }

    @Override
    public void status(Settings settings, Status status, GraphFacts facts) {
        Map<String, Object> doc = statusDoc(status);
        doc.put("database", settings.url());
        doc.put("changelog", settings.changelog().toString());
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
        if (error instanceof MigrationException m) {
            body.put("revision", m.revisionId());
            body.put("sql_state", m.sqlState());
        }
        if (error instanceof ParameterException) {
            body.put("usage", "graft --help");
        }
        output.document(Map.of("error", body));
        if (verbose) {
            error.printStackTrace(output.err());
            output.err().flush();
        }
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

    private static Map<String, Object> drift(Drift d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", d.kind().name().toLowerCase());
        view.put("revision", d.revisionId());
        view.put("message", d.message());
        view.put("hint", d.hint());
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
