package io.graft.cli.command;

import io.graft.Graft;
import io.graft.SchemaDriftReport;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code graft drift}: the live schema against the changelog at the applied revisions (built on a
 * scratch database); exit 3 when they differ.
 */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "The expected schema is the changelog at the revisions the database has applied, built on a scratch",
                "database: a temporary SQLite file, or a database created (and dropped) on the --dev-url server.",
                "",
                "Examples:",
                "  graft --url jdbc:sqlite:app.db drift",
                "  graft --url postgresql://db/app drift --dev-url postgresql://localhost/postgres"},
        description = "Compare the database's schema with the changelog's at the applied revisions: every object"
                + " added by hand, missing or changed. Exit 3 when the schema drifted. See docs/test.md#drift.")
final class DriftCommand extends GraftCommand {

    @Mixin
    DevUrlOption devUrl = new DevUrlOption();

    @Override
    protected int execute() {
        String dev = devUrl.value(context.environment());
        SchemaDriftReport report;
        try (Graft graft = openGraft()) {
            report = graft.schemaDrift(dev);
        }
        Output out = output();
        if (options().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("drifted", report.drifted());
            doc.put("dialect", report.dialect().key());
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
            out.document(doc);
        } else {
            for (SchemaDriftReport.Difference d : report.differences()) {
                context.out().println(d.describe());
            }
            context.out().println(report.drifted()
                    ? "drift: " + report.differences().size() + " difference(s) from the changelog at "
                            + report.applied().size() + " applied revision(s)"
                    : "drift: none: the schema is the changelog's at " + report.applied().size()
                            + " applied revision(s)");
            context.out().flush();
        }
        return report.drifted() ? ExitCodes.LINT : ExitCodes.OK;
    }
}
