package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.migrate.TransactionRules;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementClassifier;
import java.util.List;
import java.util.Optional;

/**
 * A diff as an SQL file: each change's statements after a {@code -- } comment that names it (and
 * says DESTRUCTIVE when it can lose data: {@code graft lint} reports the statement after such a
 * comment). A change the database cannot make is its comment alone. The DROP inside an SQLite table
 * rebuild, which only looks destructive, is allowed for lint with a {@code graft:allow} comment, and
 * so is the rebuild's table under a temporary name, which the down file need not drop.
 * MySQL statements whose bodies hold semicolons (routines, triggers) are wrapped in
 * {@code DELIMITER}, as the mysql client and Graft's splitter read them.
 */
public final class DiffScript {

    private DiffScript() {
    }

    public static String render(DialectId dialect, List<Change> changes) {
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("-- ").append(change.comment().replace("\n", " ")).append('\n');
            for (int i = 0; i < change.statements().size(); i++) {
                String s = change.statements().get(i).strip();
                if (change.kind() == Change.Kind.REBUILD_TABLE && i == 0) {
                    // the new table under a temporary name, renamed to the table's own further down
                    out.append("-- graft:allow down-keeps-table (renamed below)\n");
                }
                if (change.kind() == Change.Kind.REBUILD_TABLE
                        && StatementClassifier.classify(s, Dialects.of(dialect).splitOptions()).destructive()) {
                    // the rebuild's own DROP of the old table, whose rows are already copied; a rebuild
                    // that loses data says so in its DESTRUCTIVE comment, which lint reports
                    out.append("-- graft:allow destructive-statement (the rows were copied above)\n");
                }
                if (dialect == DialectId.MYSQL && s.contains(";")) {
                    out.append("DELIMITER //\n").append(s).append("//\nDELIMITER ;\n");
                } else {
                    out.append(s).append(";\n");
                }
            }
        }
        return out.toString();
    }

    /**
     * Why the script cannot run inside a revision's transaction, or empty when it can: the rules
     * {@code graft up} applies before it runs anything (SQLite's {@code PRAGMA foreign_keys}, a
     * PostgreSQL statement refused in a transaction block), so a revision written from the script is
     * marked {@code transaction: false} exactly when the run would refuse it otherwise.
     */
    public static Optional<String> nonTransactionalReason(DialectId dialect, List<Change> changes) {
        var d = Dialects.of(dialect);
        for (SqlStatement statement : SqlSplitter.split(render(dialect, changes), "diff", d.splitOptions())) {
            for (TransactionRules.Violation v : TransactionRules.check(d, statement, 0)) {
                return Optional.of(v.reason());
            }
        }
        return Optional.empty();
    }
}
