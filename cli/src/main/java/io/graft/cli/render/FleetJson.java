package io.graft.cli.render;

import io.graft.GraftException;
import io.graft.MigrationException;
import io.graft.SourceSpan;
import io.graft.cli.error.ExitCodes;
import io.graft.fleet.FleetResult;
import io.graft.fleet.FleetTarget;
import io.graft.fleet.TargetResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --format json} of a fleet run: one document, one record per target
 * ({@code io/graft/schema/output/fleet.schema.json}); lock waits are noticed on stderr.
 */
final class FleetJson implements FleetView {

    private final Output output;

    FleetJson(Output output) {
        this.output = output;
    }

    @Override
    public void waitingForLock(FleetTarget target, String holder) {
        output.notice("graft: " + target.name() + ": waiting for the migration lock"
                + (holder == null || holder.isBlank() ? "" : " held by " + holder) + " ...");
    }

    @Override
    public void finished(FleetResult result, int exitCode) {
        output.document(document(result, exitCode));
    }

    static Map<String, Object> document(FleetResult result, int exitCode) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("operation", result.operation());
        doc.put("target", result.target());
        doc.put("shard", result.shard().toString());
        doc.put("waves", result.waveSizes());
        doc.put("targets", result.results().stream().map(FleetJson::record).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", result.results().size());
        summary.put("succeeded", result.count(TargetResult.Outcome.SUCCEEDED));
        summary.put("failed", result.count(TargetResult.Outcome.FAILED));
        summary.put("interrupted", result.count(TargetResult.Outcome.INTERRUPTED));
        summary.put("skipped", result.count(TargetResult.Outcome.SKIPPED));
        summary.put("revisions_applied", result.revisionsApplied());
        summary.put("elapsed_ms", result.elapsedMs());
        summary.put("stopped", result.stopped());
        summary.put("exit_code", exitCode);
        doc.put("summary", summary);
        return doc;
    }

    private static Map<String, Object> record(TargetResult r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", r.name());
        view.put("url", r.url());
        view.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
        view.put("wave", r.wave());
        view.put("before", r.before());
        view.put("after", r.after());
        view.put("applied", r.applied());
        view.put("pending", r.pending());
        view.put("duration_ms", r.durationMs());
        view.put("error", r.error() == null ? null : error(r));
        return view;
    }

    private static Map<String, Object> error(TargetResult r) {
        GraftException e = r.error();
        ExitCodes.Family family = ExitCodes.familyOf(e);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", family.type());
        view.put("fault", r.fault().orElse("error"));
        view.put("message", ErrorText.message(e));
        view.put("exit_code", family.exitCode());
        view.put("revision", r.failedRevision().orElse(null));
        view.put("sql_state", e instanceof MigrationException m ? m.sqlState() : null);
        SourceSpan where = r.where().orElse(null);
        view.put("file", where == null ? null : where.file());
        view.put("line", where == null || where.line() == 0 ? null : where.line());
        view.put("column", where == null || where.column() == 0 ? null : where.column());
        return view;
    }
}
