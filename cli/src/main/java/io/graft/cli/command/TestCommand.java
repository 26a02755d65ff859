package io.graft.cli.command;

import io.graft.Graft;
import io.graft.MigrationTestFailure;
import io.graft.MigrationTestReport;
import io.graft.MigrationTestRequest;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.render.Output;
import io.graft.cli.render.TestFormats;
import io.graft.cli.settings.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft test}: every revision applied, reverted and applied again on a scratch database,
 * the branches of every merge in each order, the test files run; the whole report at the end,
 * exit 3 when anything failed.
 */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "For every revision, in topological order: up (the schema read: 'after'), its test file, down (the",
                "schema must be as before up), up again (as after). At every merge, the parent branches in each order",
                "the graph allows (at most 6). SQLite changelogs run in a temporary file; PostgreSQL and MySQL/MariaDB",
                "in a database created (and dropped) on the --dev-url server. Nothing else is touched.",
                "",
                "Examples:",
                "  graft test                                          an SQLite changelog",
                "  graft test --dev-url postgresql://localhost/postgres",
                "  graft test --from 0042_orders --format junit > graft-test.xml",
                "  graft --format json test --dev-url mariadb://root@localhost/"},
        description = "Prove every revision on a scratch database: up, down and up again must give the schemas"
                + " before and after; merged branches must commute; test files must pass. Formats: text, json,"
                + " junit (one test case per revision), sarif. Exit 3 when anything fails. See docs/test.md.")
final class TestCommand extends GraftCommand {

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "A server on which Graft may create and drop a scratch database (needed for PostgreSQL"
                    + " and MySQL/MariaDB; SQLite uses a temporary file). Env: GRAFT_DEV_URL.")
    String devUrl;

    @Option(names = "--from", paramLabel = "REV",
            description = "Test this revision and its descendants only; the others are applied untested where needed.")
    String from;

    @Option(names = "--dialect", paramLabel = "D",
            description = "postgresql, sqlite or mysql (default: that of --dev-url, else of a configured --url, else sqlite).")
    String dialect;

    @Override
    protected boolean testFormats() {
        return true;
    }

    @Override
    protected int execute() {
        Settings s = settings();
        String dev = devUrl != null ? devUrl : context.environment().variable("GRAFT_DEV_URL");
        DialectId d = null;
        if (dialect != null) {
            d = DialectId.fromKey(dialect).orElseThrow(() -> new UsageException("unknown --dialect '" + dialect
                    + "': use postgresql, sqlite or mysql"));
        } else if (dev == null && urlConfigured(s)) {
            d = io.graft.DatabaseUrl.parse(s.url()).dialect();
        }
        MigrationTestReport report = relative(Graft.test(new MigrationTestRequest(s.changelog(), dev, from, d)));
        Output out = output();
        switch (options().format()) {
            case json -> out.document(TestFormats.json(report));
            case sarif -> out.document(TestFormats.sarif(report, context.version()));
            case junit -> print(TestFormats.junit(report, "graft test " + s.changelog().getFileName()).stripTrailing());
            default -> {
                TestFormats.text(report, out.style()).forEach(this::print);
                print(TestFormats.summary(report));
            }
        }
        return report.failed() ? ExitCodes.LINT : ExitCodes.OK;
    }

    /** The report is the result: printed even with {@code -q}. */
    private void print(String line) {
        context.out().println(line);
        context.out().flush();
    }

    /** Paths relative to the working directory where they are under it, as lint prints them. */
    private MigrationTestReport relative(MigrationTestReport report) {
        Path cwd = context.environment().workingDir().toAbsolutePath().normalize();
        return new MigrationTestReport(report.dialect(), report.revisions(), report.failures().stream().map(f -> {
            Path p = Path.of(f.where().file());
            if (p.isAbsolute() && p.normalize().startsWith(cwd)) {
                String rel = cwd.relativize(p.normalize()).toString().replace('\\', '/');
                return new MigrationTestFailure(f.kind(), f.revisionId(), new SourceSpan(rel, f.where().line(),
                        f.where().column()), f.message(), f.objects(), f.hint());
            }
            return f;
        }).toList(), report.notes(), report.elapsedMs());
    }
}
