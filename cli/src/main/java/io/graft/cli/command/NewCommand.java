package io.graft.cli.command;

import io.graft.CreatedRevision;
import io.graft.Graft;
import io.graft.NewRevision;
import io.graft.NewRevision.IdScheme;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.Output;
import io.graft.cli.settings.ConfigFile;
import io.graft.cli.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graft new -m MSG}: SQL stubs for a new revision, appended to the changelog on the single head. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
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

    @Override
    protected int execute() {
        NewRevision request = new NewRevision(message, parents, labels, dependsOn, !noTransaction, idScheme(settings()));
        try (Graft graft = openGraft()) {
            report(context, "created", graft.newRevision(request));
        }
        return ExitCodes.OK;
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
