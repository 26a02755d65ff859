package io.graft.examples;

import io.graft.Graft;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.Status;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * docs/java-api.md, "A plain Java program": bring the database to the changelog's heads when the
 * program starts, then say where it is. {@code java MigrateOnStartup db/changelog.yaml
 * jdbc:postgresql://localhost/app} with the user and password in {@code DB_USER} and
 * {@code DB_PASSWORD}.
 */
public final class MigrateOnStartup {

    private MigrateOnStartup() {
    }

    public static void main(String[] args) {
        Path changelog = Path.of(args.length > 0 ? args[0] : "db/changelog.yaml");
        String url = args.length > 1 ? args[1] : "jdbc:sqlite:app.db";
        migrate(changelog, url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"), System.out);
    }

    /** Applies what is pending and returns the status after it. */
    public static Status migrate(Path changelog, String url, String user, String password, PrintStream out) {
        try (Graft graft = Graft.builder()
                .changelog(changelog)
                .url(url, user, password)      // user and password may be null: then the URL's own
                .build()) {
            RunResult result = graft.upgrade();             // to "heads"; graft.upgrade("+1") etc.
            if (result.nothingToDo()) {
                out.println("up to date at " + result.current());
            }
            for (RevisionStep step : result.steps()) {
                out.printf("applied %s: %d statements in %d ms%n",
                        step.revisionId(), step.statements(), step.executionMs());
            }
            Status status = graft.status();
            out.printf("current %s, %d pending%n", status.current(), status.pending().size());
            return status;
        }
    }
}
