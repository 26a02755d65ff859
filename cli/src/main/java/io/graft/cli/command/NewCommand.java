package io.graft.cli.command;

import io.graft.AutogenerateRequest;
import io.graft.AutogenerateResult;
import io.graft.CreatedRevision;
import io.graft.Graft;
import io.graft.NewRevision;
import io.graft.NewRevision.IdScheme;
import io.graft.SchemaChange;
import io.graft.changelog.DialectId;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.render.JsonRenderer;
import io.graft.cli.render.Output;
import io.graft.cli.render.Style;
import io.graft.cli.settings.AuthoringConfig;
import io.graft.cli.settings.ConfigFile;
import io.graft.cli.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code graft new -m MSG}: SQL stubs for a new revision, appended to the changelog on the single
 * head; with {@code --autogenerate}, the SQL is the diff from the changelog's schema to the desired one.
 */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "--autogenerate builds the changelog at the new revision's parents and the desired schema (--to, or",
                "graft.yaml 'autogenerate: {to: schema.sql, dev_url: ...}') on scratch databases; the up file is",
                "their diff, the down file the diff back. When they are equal: 'nothing to generate', exit 0, nothing",
                "written. Review the files (renames only where --rename says so) before 'graft up'. See docs/diff.md:",
                "    graft new -m \"add email\" --autogenerate",
                "    graft new -m \"rename\" --autogenerate --to db/schema/ --rename users.name=full_name",
                "    graft new -m \"orders\" --autogenerate --dev-url postgresql://localhost/postgres",
                "",
                "Examples:",
                "  graft new -m \"add users\"                     a revision on the single head",
                "  graft new -m \"add orders\" --label shop       a revision labelled shop",
                "  graft new -m \"build index\" --no-transaction  statements autocommit one by one"},
        description = {"Create a revision: its up/down SQL files, and an entry appended to the changelog "
                + "(comments and layout are kept).", "The id is a UTC timestamp plus a slug of the message; "
                + "graft.yaml 'new: {id_scheme: sequence}' numbers them instead."})
final class NewCommand extends GraftCommand {

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the revision does.")
    String message;

    @Option(names = "--parent", paramLabel = "ID", split = ",",
            description = "Parent revision(s) (default: the single head). A target: id, prefix, label, LABEL@head.")
    List<String> parents = new ArrayList<>();

    @Option(names = "--label", paramLabel = "LABEL", split = ",", description = "Branch label(s) for the revision.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--depends-on", paramLabel = "ID", split = ",",
            description = "Revision(s) that must be applied first without being parents.")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--no-transaction", description = "Write 'transaction: false' (statements autocommit one by one).")
    boolean noTransaction;

    @Option(names = "--autogenerate",
            description = "Write the SQL: the diff from the changelog's schema at the parents to --to, and back.")
    boolean autogenerate;

    @Option(names = "--to", paramLabel = "SOURCE", description = "With --autogenerate: the desired schema, a .sql file"
            + " or folder, a changelog[@TARGET] or a database URL (default: graft.yaml autogenerate.to).")
    String to;

    @Mixin
    DevUrlOption devUrl = new DevUrlOption();

    @Option(names = "--dialect", paramLabel = "D", description = "With --autogenerate: postgresql, sqlite or mysql"
            + " (default: that of the dev URL, else of a configured --url, else of a database --to, else the"
            + " changelog's one dialect, else sqlite).")
    String dialect;

    @Option(names = "--rename", paramLabel = "OLD=NEW", description = "With --autogenerate: a rename instead of a"
            + " drop and an add: OLD=NEW for a table, TABLE.OLD=NEW for a column. Repeatable.")
    List<String> renames = new ArrayList<>();

    @Override
    protected int execute() {
        Settings s = settings();
        NewRevision request = new NewRevision(message, parents, labels, dependsOn, !noTransaction, idScheme(s));
        if (autogenerate) {
            return autogenerate(s, request);
        }
        if (to != null || devUrl.devUrl != null || dialect != null || !renames.isEmpty()) {
            throw new UsageException("--to, --dev-url, --dialect and --rename are options of --autogenerate");
        }
        try (Graft graft = openGraft()) {
            report(context, "created", graft.newRevision(request));
        }
        return ExitCodes.OK;
    }

    private int autogenerate(Settings s, NewRevision request) {
        AuthoringConfig config = s.configFile() == null ? AuthoringConfig.EMPTY
                : ConfigFile.load(s.configFile(), s.configFile().getFileName().toString()).authoring();
        Path folder = s.configFile() == null ? null : s.configFile().toAbsolutePath().getParent();
        String target = to != null ? to : config.autogenerateTo(folder, context.environment()::variable);
        if (to == null && target != null) {
            target = shown(target);
        }
        if (target == null) {
            throw new UsageException("--autogenerate needs the desired schema: --to SOURCE (e.g. schema.sql), or"
                    + " 'autogenerate: {to: schema.sql}' in graft.yaml");
        }
        String dev = devUrl.value(context.environment());
        if (dev == null) {
            dev = config.autogenerateDevUrl(context.environment()::variable);
        }
        DialectId d = null;
        if (dialect != null) {
            d = DialectId.fromKey(dialect).orElseThrow(() -> new UsageException("unknown --dialect '" + dialect
                    + "': use postgresql, sqlite or mysql"));
        } else if (dev == null && urlConfigured(s)) {
            // a PostgreSQL project without a dev URL is told to give one, not given SQLite's SQL
            d = io.graft.DatabaseUrl.parse(s.url()).dialect();
        }
        AutogenerateResult result;
        try (Graft graft = openGraft()) {
            result = graft.autogenerate(new AutogenerateRequest(request, target, dev, d, renames,
                    context.environment().workingDir()));
        }
        reportGenerated(result);
        return ExitCodes.OK;
    }

    private void reportGenerated(AutogenerateResult result) {
        Output out = context.output();
        Path cwd = context.environment().workingDir().toAbsolutePath();
        if (out.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            CreatedRevision created = result.created();
            doc.put("id", created == null ? null : created.id());
            doc.put("parents", result.parents());
            if (created != null) {
                doc.put("changelog", display(cwd, created.changelog()));
                doc.put("files", created.files().stream().map(f -> display(cwd, f)).toList());
            }
            Map<String, Object> generated = new LinkedHashMap<>();
            generated.put("dialect", result.dialect().key());
            generated.put("to", result.to());
            generated.put("nothing_to_generate", result.nothingToGenerate());
            generated.put("destructive", result.destructive());
            generated.put("transaction", result.nonTransactionalReason() == null && !noTransaction);
            if (result.nonTransactionalReason() != null) {
                generated.put("transaction_reason", result.nonTransactionalReason());
            }
            generated.put("up", JsonRenderer.changes(result.up()));
            generated.put("down", JsonRenderer.changes(result.down()));
            doc.put("autogenerate", generated);
            out.document(doc);
            return;
        }
        if (result.nothingToGenerate()) {
            out.line("nothing to generate: the changelog at " + (result.parents().isEmpty() ? "base"
                    : String.join(", ", result.parents())) + " already has the schema of " + result.to());
            return;
        }
        report(context, "generated", result.created());
        long destructive = result.up().stream().filter(SchemaChange::destructive).count();
        out.line("  " + result.up().size() + " change(s) on " + result.dialect().key()
                + (destructive == 0 ? "" : ", " + destructive + " destructive") + ":");
        Style style = out.style();
        for (SchemaChange change : result.up()) {
            String line = change.kind().replace('_', ' ') + " " + change.subject()
                    + (change.note() == null ? "" : " (" + change.note() + ")");
            out.line("    " + (change.destructive() ? style.red("DESTRUCTIVE ") + line
                    : "unsupported".equals(change.kind()) ? style.yellow(line + ": write it by hand") : line));
        }
        if (result.nonTransactionalReason() != null) {
            out.line("  transaction: false (" + result.nonTransactionalReason() + ")");
        }
        out.line("Review both files (renames are made only where --rename says so), then 'graft up'.");
    }

    /** graft.yaml's {@code autogenerate.to}, made absolute, shown relative to the working directory where it is under it. */
    private String shown(String to) {
        Path cwd = context.environment().workingDir().toAbsolutePath().normalize();
        try {
            Path p = Path.of(to);
            return p.isAbsolute() && p.normalize().startsWith(cwd) ? cwd.relativize(p.normalize()).toString() : to;
        } catch (java.nio.file.InvalidPathException e) {
            return to;
        }
    }

    static IdScheme idScheme(Settings s) {
        if (s.configFile() == null) {
            return IdScheme.TIMESTAMP;
        }
        IdScheme scheme = ConfigFile.load(s.configFile(), s.configFile().getFileName().toString()).authoring().idScheme();
        return scheme == null ? IdScheme.TIMESTAMP : scheme;
    }

    static void report(CommandContext context, String verb, CreatedRevision created) {
        Output out = context.output();
        Path cwd = context.environment().workingDir().toAbsolutePath();
        if (out.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", created.id());
            doc.put("parents", created.parents());
            doc.put("changelog", display(cwd, created.changelog()));
            doc.put("files", created.files().stream().map(f -> display(cwd, f)).toList());
            out.document(doc);
            return;
        }
        out.line(verb + " " + created.id() + (created.parents().isEmpty() ? " (a root)"
                : " on " + String.join(", ", created.parents())));
        for (Path f : created.files()) {
            out.line("  " + display(cwd, f));
        }
        out.line("  appended to " + display(cwd, created.changelog()));
    }

    private static String display(Path cwd, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
