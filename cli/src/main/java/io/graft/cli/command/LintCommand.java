package io.graft.cli.command;

import io.graft.Graft;
import io.graft.LintOptions;
import io.graft.LintReport;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.render.LintFormats;
import io.graft.cli.render.Output;
import io.graft.cli.settings.AuthoringConfig;
import io.graft.cli.settings.ConfigFile;
import io.graft.cli.settings.GlobalOptions;
import io.graft.cli.settings.Settings;
import io.graft.LintRule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft lint}: the changelog and its SQL, no database; with {@code --base REF} also what
 * changed since that git ref. Exit 3 when an error is found (or, with {@code --strict}, a warning).
 */
@Command(mixinStandardHelpOptions = true,
        description = {"Check the changelog and its SQL for mistakes, without a database.",
            "Formats: --format text (file:line:col: severity [rule] message), json, sarif (SARIF 2.1.0), "
                    + "github (workflow annotations). Exit 3 when errors are found."})
final class LintCommand extends GraftCommand {

    @Option(names = "--base", paramLabel = "GIT_REF",
            description = "Compare with the changelog at this git ref (e.g. origin/main): released revisions must not change.")
    String base;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 3).")
    boolean strict;

    @Option(names = "--list-rules", description = "List every rule with its id, default severity and rationale.")
    boolean listRules;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "Read SQL as this dialect when the changelog declares no 'dialects:' "
                    + "(default: the dialect of a configured --url, else guessed from the SQL).")
    String dialect;

    @Override
    protected boolean lintFormats() {
        return true;
    }

    @Override
    protected int execute() {
        Output out = output();
        if (listRules) {
            listRules(out);
            return ExitCodes.OK;
        }
        Settings s = settings();
        LintOptions.Builder options = LintOptions.builder().baseRef(base).dialect(dialectOption());
        if (dialect == null && urlConfigured(s)) {
            options.dialectOfUrl(s.url());
        }
        config(s).apply(options);
        LintReport report;
        try (Graft graft = openGraft()) {
            report = relative(graft.lint(options.build()));
        }
        switch (options().format()) {
            case json -> out.document(LintFormats.json(report, strict));
            case sarif -> out.document(LintFormats.sarif(report, context.version()));
            case github -> LintFormats.github(report).forEach(this::print);
            case text -> {
                LintFormats.text(report, out.style()).forEach(this::print);
                out.line(LintFormats.summary(report));
            }
        }
        return report.failed(strict) ? ExitCodes.LINT : ExitCodes.OK;
    }

    /** Findings are printed even with {@code -q}: they are the result. */
    private void print(String line) {
        context.out().println(line);
        context.out().flush();
    }

    private void listRules(Output out) {
        if (options().json() || options().format() == GlobalOptions.Format.sarif) {
            List<Map<String, Object>> rules = new java.util.ArrayList<>();
            for (LintRule r : LintRule.values()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", r.id());
                view.put("category", r.category().name().toLowerCase(java.util.Locale.ROOT));
                view.put("severity", r.defaultSeverity().key());
                view.put("rationale", r.rationale());
                rules.add(view);
            }
            out.document(Map.of("rules", rules));
            return;
        }
        for (LintRule r : LintRule.values()) {
            print(String.format("%-28s %-8s %-8s %s", r.id(), r.category().name().toLowerCase(java.util.Locale.ROOT),
                    r.defaultSeverity().key(), r.rationale()));
        }
    }

    /** --dialect, or null; without it the dialect of a URL that was configured (not the built-in default), else a guess from the SQL. */
    private DialectId dialectOption() {
        if (dialect == null) {
            return null;
        }
        return DialectId.fromKey(dialect).orElseThrow(() -> new UsageException("unknown dialect '" + dialect
                + "'; use postgresql, sqlite or mysql"));
    }

    private AuthoringConfig config(Settings s) {
        if (s.configFile() == null) {
            return AuthoringConfig.EMPTY;
        }
        return ConfigFile.load(s.configFile(), context.environment().workingDir().relativize(
                s.configFile().toAbsolutePath()).toString()).authoring();
    }

    /** Paths relative to the working directory where they are under it, for annotations and SARIF. */
    private LintReport relative(LintReport report) {
        Path cwd = context.environment().workingDir().toAbsolutePath().normalize();
        return new LintReport(report.findings().stream().map(f -> {
            Path p = Path.of(f.where().file());
            if (p.isAbsolute() && p.normalize().startsWith(cwd)) {
                String rel = cwd.relativize(p.normalize()).toString().replace('\\', '/');
                return f.withWhere(new SourceSpan(rel, f.where().line(), f.where().column()));
            }
            return f;
        }).toList());
    }
}
