package io.graft.cli.command;

import io.graft.Graft;
import io.graft.SchemaDriftReport;
import io.graft.SchemaDriftReport.Baseline;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code graft drift}: the live schema against the schema {@code graft up} recorded after its last
 * run, or against the changelog at the applied revisions (built on a scratch database); exit 3
 * when they differ.
 */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "By default the expected schema is the one 'graft up' recorded (in graft_schema) after its last run,",
                "when it was recorded at the revisions applied now; otherwise, or with --against changelog, it is the",
                "changelog at the applied revisions, built on a scratch database: a temporary SQLite file, or a",
                "database created (and dropped) on the --dev-url server. Objects named in graft.yaml's",
                "drift: {ignore: [...]} are left out.",
                "",
                "Examples:",
                "  graft --url jdbc:sqlite:app.db drift",
                "  graft --url postgresql://db/app drift --against changelog --dev-url postgresql://localhost/postgres",
                "  graft drift --targets tenants.txt --parallel 8"},
        description = "Compare the database's schema with the one recorded after the last run (or with the"
                + " changelog's at the applied revisions): every object added by hand, missing or changed."
                + " Exit 3 when the schema drifted. See docs/test.md#drift.")
final class DriftCommand extends GraftCommand {

    @Mixin
    DevUrlOption devUrl = new DevUrlOption();

    @Option(names = "--against", paramLabel = "recorded|changelog",
            description = "What to compare with: recorded (the schema graft up recorded; an error when there is"
                    + " none at the applied revisions) or changelog (built on a scratch database). Default: recorded"
                    + " when there is such a record, else changelog.")
    String against;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int execute() {
        Baseline baseline = baseline();
        String dev = devUrl.value(context.environment());
        FleetRun.refuseStray(fleet);
        if (fleet.requested()) {
            if (baseline != null) {
                throw new io.graft.cli.error.UsageException("--against goes without --targets: a fleet compares each"
                        + " target with its recorded schema, or with the changelog where none is recorded");
            }
            return new FleetRun(context, fleet).run("drift", null, dev);
        }
        SchemaDriftReport report;
        try (Graft graft = openGraft()) {
            report = graft.schemaDrift(baseline, dev);
        }
        Output out = output();
        if (options().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("drifted", report.drifted());
            doc.put("dialect", report.dialect().key());
            doc.put("against", report.baseline().key());
            doc.put("recorded_at", report.recordedAt() == null ? null : report.recordedAt().toString());
            doc.put("applied", report.applied());
            List<Map<String, Object>> differences = new ArrayList<>();
            for (SchemaDriftReport.Difference d : report.differences()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("way", d.way().key());
                view.put("object", d.object());
                view.put("change", d.change());
                view.put("note", d.note());
                differences.add(view);
            }
            doc.put("differences", differences);
            doc.put("ignored", report.ignored());
            out.document(doc);
        } else {
            for (SchemaDriftReport.Difference d : report.differences()) {
                context.out().println(d.describe(report.baseline()));
            }
            String expected = report.baseline() == Baseline.RECORDED
                    ? "the schema recorded " + report.recordedAt() + " at " + report.applied().size()
                            + " applied revision(s)"
                    : "the changelog at " + report.applied().size() + " applied revision(s)";
            String ignored = report.ignored() == 0 ? "" : " (" + report.ignored() + " ignored by drift.ignore)";
            context.out().println(report.drifted()
                    ? "drift: " + report.differences().size() + " difference(s) from " + expected + ignored
                    : "drift: none: the schema is " + expected + ignored);
            context.out().flush();
        }
        return report.drifted() ? ExitCodes.LINT : ExitCodes.OK;
    }

    private Baseline baseline() {
        if (against == null) {
            return null;
        }
        return switch (against) {
            case "recorded" -> Baseline.RECORDED;
            case "changelog" -> Baseline.CHANGELOG;
            default -> throw new io.graft.cli.error.UsageException("--against takes recorded or changelog, not '"
                    + against + "'");
        };
    }
}
