package io.graft.examples;

import io.graft.ChangelogException;
import io.graft.Drift;
import io.graft.DriftException;
import io.graft.Graft;
import io.graft.LockTimeoutException;
import io.graft.MigrationException;
import io.graft.Problem;
import io.graft.TargetException;
import java.io.PrintStream;

/**
 * docs/java-api.md, "Errors": every failure is a subclass of {@code GraftException} (unchecked),
 * and each carries what a message needs. The database is left as it was before the revision that
 * failed: earlier revisions of the run stay applied.
 */
public final class HandleErrors {

    private HandleErrors() {
    }

    /** Runs {@code upgrade(target)}; prints what went wrong and returns the {@code graft} command's exit code for it. */
    public static int upgrade(Graft graft, String target, PrintStream err) {
        try {
            graft.upgrade(target);
            return 0;
        } catch (ChangelogException e) {
            // The changelog or a SQL file is invalid: every problem, each with file:line:col and a fix.
            for (Problem problem : e.problems()) {
                err.println(problem.render());
            }
            return 2;
        } catch (TargetException e) {
            // An unknown or ambiguous target; nothing was connected or locked.
            err.println(e.getMessage());
            if (!e.candidates().isEmpty()) {
                err.println("candidates: " + String.join(", ", e.candidates()));
            }
            return 2;
        } catch (LockTimeoutException e) {
            // Another run holds the lock (Graft waits lockTimeout, 60 s by default).
            err.println(e.getMessage() + e.holder().map(h -> " (held by " + h + ")").orElse(""));
            return 4;
        } catch (DriftException e) {
            // The database does not match the files: an edited applied file, an unknown or running row.
            for (Drift drift : e.drift()) {
                err.println(drift.render());
            }
            return 1;
        } catch (MigrationException e) {
            // A statement failed. The message names the revision, the statement's file:line:col and
            // the database's own message; the parts are there for a structured log too.
            err.println(e.getMessage());
            err.println("revision=" + e.revisionId() + " sqlstate=" + e.sqlState()
                    + e.where().map(where -> " file=" + where.file() + " line=" + where.line()).orElse(""));
            return 1;
        }
    }
}
