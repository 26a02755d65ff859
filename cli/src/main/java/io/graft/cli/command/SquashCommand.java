package io.graft.cli.command;

import io.graft.Graft;
import io.graft.SquashRequest;
import io.graft.SquashResult;
import io.graft.changelog.DialectId;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft squash --through REV}: REV and every revision it needs become one revision whose up
 * file is the schema at REV, with {@code replaces:} listing the old ids; proven on a scratch
 * database before the changelog is edited.
 */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "The new revision's up file is the schema at REV, written from the schema model in dependency order;",
                "its down file drops it all. Both are proven on a scratch database before anything is written: up must",
                "give exactly the schema the old revisions give, down an empty one. The changelog is edited in place",
                "(comments kept); the old SQL files stay where they are. Databases that applied all the replaced",
                "revisions take the new one as applied at their next 'graft up'. Statements that change data are not",
                "carried: each is named with its file and line.",
                "",
                "Examples:",
                "  graft squash --through 0042_orders",
                "  graft squash --through 0042_orders --id 0042_base --dev-url postgresql://localhost/postgres",
                "  graft squash --through v2.0 --dry-run"},
        description = "Replace a revision and everything it needs by one revision: the schema at that point. See"
                + " the README's 'Squashing'.")
final class SquashCommand extends GraftCommand {

    @Option(names = "--through", paramLabel = "REV", required = true,
            description = "The last revision squashed (id, unique prefix or label): it and every revision it needs.")
    String through;

    @Option(names = "--id", paramLabel = "NEW", description = "The new revision's id (default: REV_squashed).")
    String id;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "A server on which Graft may create and drop a scratch database, for each of PostgreSQL"
                    + " and MySQL/MariaDB the SQL is written for (repeatable; SQLite needs none). Env: GRAFT_DEV_URL.")
    List<String> devUrls = new ArrayList<>();

    @Option(names = "--dialect", paramLabel = "D",
            description = "postgresql, sqlite or mysql, when the changelog declares no dialects (default: that of"
                    + " --dev-url, else sqlite).")
    String dialect;

    @Option(names = "--dry-run", description = "Plan and prove, write nothing.")
    boolean dryRun;

    @Override
    protected int execute() {
        Settings s = settings();
        List<String> urls = new ArrayList<>(devUrls);
        String env = context.environment().variable("GRAFT_DEV_URL");
        if (urls.isEmpty() && env != null) {
            urls.add(env);
        }
        urls.forEach(context::secret);
        DialectId d = dialect == null ? null : DialectId.fromKey(dialect).orElseThrow(() -> new UsageException(
                "unknown --dialect '" + dialect + "': use postgresql, sqlite or mysql"));
        SquashResult result = Graft.squash(new SquashRequest(s.changelog(), through, id, urls, d, dryRun));
        if (options().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", result.id());
            doc.put("replaced", result.replaced());
            doc.put("up", files(result.up()));
            doc.put("down", files(result.down()));
            doc.put("notes", result.notes());
            doc.put("unused_files", result.unusedFiles());
            doc.put("written", result.written());
            output().document(doc);
            return ExitCodes.OK;
        }
        var out = context.out();
        out.println((result.written() ? "squashed: " : "would squash (dry run): ") + result.id() + " replaces "
                + result.replaced().size() + " revision(s): " + String.join(", ", result.replaced()));
        result.up().forEach((dialectId, file) -> out.println("  up:   " + file + label(dialectId)));
        result.down().forEach((dialectId, file) -> out.println("  down: " + file + label(dialectId)));
        for (String note : result.notes()) {
            out.println("warning: " + note);
        }
        if (result.written()) {
            out.println("No longer used (delete them with your version control): "
                    + String.join(", ", result.unusedFiles()));
            out.println("Databases that applied all of " + String.join(", ", result.replaced())
                    + " take " + result.id() + " as applied at their next 'graft up'.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, String> files(Map<DialectId, String> files) {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((d, f) -> out.put(d == null ? "all" : d.key(), f));
        return out;
    }

    private static String label(DialectId d) {
        return d == null ? "" : "  (" + d.key() + ")";
    }
}
