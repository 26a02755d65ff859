package io.graft;

import java.util.Arrays;
import java.util.Optional;

/** Every lint rule: its id (used in output, graft.yaml and {@code -- graft:allow}), default severity and why it exists. */
public enum LintRule {
    INVALID_CHANGELOG("invalid-changelog", Category.GRAPH, Severity.ERROR,
            "The changelog or an SQL file breaks a rule of the format (what 'graft validate' reports); nothing can run."),
    MULTIPLE_HEADS("multiple-heads", Category.GRAPH, Severity.ERROR,
            "Two branches each added a revision after the same head: 'head' is ambiguous until a merge revision joins them."),
    ORPHAN_SQL_FILE("orphan-sql-file", Category.GRAPH, Severity.WARNING,
            "An SQL file in the changelog's folder that no revision names never runs: a forgotten entry or a leftover."),
    MISSING_DOWN("missing-down", Category.GRAPH, Severity.WARNING,
            "A revision without a down file cannot be reverted, and blocks every downgrade across it."),
    DIALECT_COVERAGE("dialect-coverage", Category.GRAPH, Severity.ERROR,
            "A revision with per-dialect files must have one for each declared dialect, or it cannot run there."),
    REDUNDANT_DEPENDS_ON("redundant-depends-on", Category.GRAPH, Severity.NOTE,
            "A depends_on that is already an ancestor through the parents adds nothing and hides the real structure."),
    UNPARSABLE_STATEMENT("unparsable-statement", Category.SQL, Severity.NOTE,
            "JSqlParser cannot read the statement, so the other SQL rules cannot check it (it still runs: the database is the judge)."),
    DESTRUCTIVE_STATEMENT("destructive-statement", Category.SQL, Severity.WARNING,
            "DROP TABLE, DROP COLUMN, TRUNCATE or an unqualified DELETE/UPDATE in an up file throws data away for good."),
    INDEX_NOT_CONCURRENT("index-not-concurrent", Category.SQL, Severity.WARNING,
            "On PostgreSQL, CREATE INDEX without CONCURRENTLY blocks writes to an existing table while the index builds."),
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", Category.SQL, Severity.WARNING,
            "ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that already has rows."),
    NON_TRANSACTIONAL_STATEMENT("non-transactional-statement", Category.SQL, Severity.ERROR,
            "A statement that cannot run inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM, ...) in a transactional revision fails at run time."),
    TRANSACTION_CONTROL("transaction-control", Category.SQL, Severity.ERROR,
            "BEGIN/COMMIT/ROLLBACK in a file breaks the transaction Graft runs the revision in."),
    EMPTY_UP("empty-up", Category.SQL, Severity.WARNING,
            "An up file with no statements does nothing; fine for a deliberate no-op, often a forgotten file."),
    DOWN_KEEPS_TABLE("down-keeps-table", Category.SQL, Severity.WARNING,
            "A table created in up that down does not drop survives a downgrade, and the next upgrade fails on it."),
    DOWN_DOES_NOTHING("down-does-nothing", Category.SQL, Severity.WARNING,
            "A down file with no statements (empty, or only comments) while up changes the schema: the revision claims to be reversible, but a downgrade quietly leaves the schema behind."),
    REPEATABLE_NOT_RERUNNABLE("repeatable-not-rerunnable", Category.SQL, Severity.WARNING,
            "A repeatable revision runs again whenever it changes: a CREATE without OR REPLACE or IF NOT EXISTS (and no DROP ... IF EXISTS before it) fails the second time."),
    RELEASED_REVISION_CHANGED("released-revision-changed", Category.HISTORY, Severity.ERROR,
            "A revision that exists on the base branch was edited (SQL, parents, transaction mode or repeatable): released migrations are immutable (a repeatable revision's SQL excepted)."),
    RELEASED_REVISION_REMOVED("released-revision-removed", Category.HISTORY, Severity.ERROR,
            "A revision that exists on the base branch was removed: databases that applied it no longer match the changelog.");

    /** What a rule looks at. */
    public enum Category {
        GRAPH, SQL, HISTORY;
    }

    private final String id;
    private final Category category;
    private final Severity defaultSeverity;
    private final String rationale;

    LintRule(String id, Category category, Severity defaultSeverity, String rationale) {
        this.id = id;
        this.category = category;
        this.defaultSeverity = defaultSeverity;
        this.rationale = rationale;
    }

    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** One line: why the rule exists. */
    public String rationale() {
        return rationale;
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
