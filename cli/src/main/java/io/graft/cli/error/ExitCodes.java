package io.graft.cli.error;

import io.graft.ChangelogException;
import io.graft.DatabaseUrlException;
import io.graft.GraftException;
import io.graft.LockTimeoutException;
import io.graft.MigrationException;
import io.graft.MigrationInterruptedException;
import io.graft.TargetException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The one place that maps error families to exit codes (DESIGN §8):
 * 0 done, 1 the database refused or a migration failed (and anything unexpected),
 * 2 bad usage (a database URL Graft cannot use among them) or an invalid changelog, 3 lint found
 * errors, 4 lock timeout; a run stopped by a signal exits as a shell reports it: 130 (128 +
 * SIGINT's 2), 143 (128 + SIGTERM's 15).
 */
public final class ExitCodes implements IExitCodeExceptionMapper {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LINT = 3;
    public static final int LOCK_TIMEOUT = 4;
    public static final int INTERRUPTED = 130;
    public static final int TERMINATED = 143;

    /** An error family: its name in JSON output ({@code error.type}) and its exit code. */
    public enum Family {
        CHANGELOG("changelog", USAGE),
        TARGET("target", USAGE),
        USAGE_ERROR("usage", USAGE),
        LINT_ERRORS("lint", LINT),
        /** A fleet target's schema drifted ({@code drift --targets}). */
        SCHEMA_DRIFT("schema_drift", LINT),
        LOCK("lock_timeout", LOCK_TIMEOUT),
        MIGRATION("migration", FAILED),
        /** Stopped by SIGINT (Ctrl-C), or by {@code Graft.cancel()} without a signal. */
        INTERRUPTED_RUN("interrupted", INTERRUPTED),
        /** Stopped by SIGTERM. */
        TERMINATED_RUN("interrupted", TERMINATED),
        OTHER_GRAFT("graft", FAILED),
        INTERNAL("internal", FAILED);

        private final String type;
        private final int exitCode;

        Family(String type, int exitCode) {
            this.type = type;
            this.exitCode = exitCode;
        }

        public String type() {
            return type;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public static Family familyOf(Throwable error) {
        if (error instanceof ChangelogException) {
            return Family.CHANGELOG;
        }
        if (error instanceof TargetException) {
            return Family.TARGET;
        }
        if (error instanceof RunInterrupted r) {
            return r.exitCode() == TERMINATED ? Family.TERMINATED_RUN : Family.INTERRUPTED_RUN;
        }
        if (error instanceof MigrationInterruptedException) {
            return Family.INTERRUPTED_RUN;
        }
        if (error instanceof io.graft.SchemaDriftException) {
            return Family.SCHEMA_DRIFT;
        }
        if (error instanceof LockTimeoutException) {
            return Family.LOCK;
        }
        if (error instanceof MigrationException) {
            return Family.MIGRATION;
        }
        if (error instanceof UsageException || error instanceof ParameterException
                || error instanceof DatabaseUrlException) {
            return Family.USAGE_ERROR;
        }
        if (error instanceof GraftException) {
            return Family.OTHER_GRAFT;
        }
        return Family.INTERNAL;
    }

    public static int of(Throwable error) {
        return familyOf(error).exitCode();
    }

    @Override
    public int getExitCode(Throwable error) {
        return of(error);
    }
}
