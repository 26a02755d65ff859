package io.graft.maven;

import io.graft.Finding;
import io.graft.Graft;
import io.graft.LintOptions;
import io.graft.LintReport;
import io.graft.Severity;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the changelog and its SQL without a database, like {@code graft lint}: each finding is
 * logged as {@code file:line:col: severity [rule] message}, and an error (with {@code strict}, a
 * warning too) fails the build with the findings in its message.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class LintMojo extends AbstractGraftMojo {

    /** A git ref (e.g. origin/main) whose changelog holds the released revisions, which must not change. */
    @Parameter(property = "graft.base")
    protected String base;

    /** Treat warnings as errors. */
    @Parameter(property = "graft.strict", defaultValue = "false")
    protected boolean strict;

    /**
     * Read SQL as this dialect (postgresql, sqlite, mysql) when the changelog declares no
     * {@code dialects:}; default: the dialect of {@code url} when set, else guessed from the SQL.
     */
    @Parameter(property = "graft.dialect")
    protected String dialect;

    @Override
    protected boolean needsDatabase() {
        return false;
    }

    @Override
    protected void run() throws MojoFailureException {
        LintOptions.Builder options = LintOptions.builder().baseRef(blankToNull(base));
        if (blankToNull(dialect) != null) {
            options.dialect(DialectId.fromKey(dialect.strip()).orElseThrow(() -> new MojoFailureException(
                    "unknown <dialect> '" + dialect + "': use postgresql, sqlite or mysql")));
        } else if (blankToNull(url) != null) {
            options.dialectOfUrl(url.strip());
        }
        LintReport report;
        try (Graft graft = openGraft()) {
            report = graft.lint(options.build());
        }
        List<String> lines = report.findings().stream().map(f -> relative(f).render()).toList();
        for (int i = 0; i < lines.size(); i++) {
            Finding f = report.findings().get(i);
            String line = f.hint() == null ? lines.get(i) : lines.get(i) + "\n  hint: " + f.hint();
            switch (f.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
        String summary = report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING) + " warning(s), "
                + (report.findings().size() - report.count(Severity.ERROR) - report.count(Severity.WARNING)) + " other";
        if (report.failed(strict)) {
            String failing = report.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR || strict && f.severity() == Severity.WARNING)
                    .map(f -> relative(f).render()).collect(Collectors.joining("\n"));
            throw new MojoFailureException("lint failed: " + summary + (strict ? " (strict)" : "") + "\n" + failing);
        }
        getLog().info("Graft: lint: " + summary);
    }

    /** A finding's file relative to the project's folder, as a reader of the build log wants it. */
    private Finding relative(Finding f) {
        Path p = Path.of(f.where().file());
        return p.isAbsolute() ? f.withWhere(new SourceSpan(relative(p), f.where().line(), f.where().column())) : f;
    }
}
