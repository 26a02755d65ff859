package io.graft.cli.command;

import io.graft.Graft;
import io.graft.SchemaDiffRequest;
import io.graft.SchemaDiffResult;
import io.graft.changelog.DialectId;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.settings.GlobalOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graft diff --from SOURCE --to SOURCE}: the changes between two schemas, as SQL, text or JSON. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "A SOURCE is a database URL, a changelog (changelog.yaml or changelog.yaml@TARGET), or a .sql file or",
                "folder of the desired state. Changelogs and SQL are built in a scratch database: a temporary SQLite",
                "file, or for PostgreSQL and MySQL a database created (and dropped) on the --dev-url server.",
                "",
                "Examples:",
                "  graft diff --from jdbc:sqlite:app.db --to schema.sql          SQL that takes app.db to schema.sql",
                "  graft diff --from changelog.yaml@0003_x --to changelog.yaml --format text",
                "  graft diff --from postgresql://localhost/app --to db/schema/ --dev-url postgresql://localhost/postgres",
                "  graft diff --from $DB --to schema.sql --rename users=people --rename people.name=full_name"},
        description = "Compare two schemas and print the changes from --from to --to: by default an SQL script,"
                + " one statement per change after a comment naming it (DESTRUCTIVE where data can be lost)."
                + " Renames only where --rename says so. Changes neither source. See docs/diff.md.")
final class DiffCommand extends GraftCommand {

    @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "The schema as it is.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SOURCE", description = "The schema as it should be.")
    String to;

    @Option(names = "--dialect", paramLabel = "D",
            description = "postgresql, sqlite or mysql (default: that of a database source or of --dev-url, else sqlite).")
    String dialect;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "A server on which a scratch database may be created and dropped, to build changelog and SQL"
                    + " sources (needed for PostgreSQL and MySQL; SQLite uses a temporary file).")
    String devUrl;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "A rename the diff makes instead of a drop and an add: OLD=NEW for a table, TABLE.OLD=NEW"
                    + " for a column. Repeatable.")
    List<String> renames = new ArrayList<>();

    @Override
    protected boolean sqlFormat() {
        return true;
    }

    @Override
    protected int execute() {
        DialectId d = null;
        if (dialect != null) {
            d = DialectId.fromKey(dialect).orElseThrow(() -> new UsageException("unknown --dialect '" + dialect
                    + "': use postgresql, sqlite or mysql"));
        }
        SchemaDiffResult result = Graft.diff(new SchemaDiffRequest(from, to, d, devUrl, renames,
                context.environment().workingDir()));
        GlobalOptions.Format format = options().formatGiven() ? options().format() : GlobalOptions.Format.sql;
        if (format == GlobalOptions.Format.sql) {
            output().script(result.sql());
        } else {
            renderer().diffed(result);
        }
        return ExitCodes.OK;
    }
}
