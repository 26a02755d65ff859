package io.graft.internal.sql;

import io.graft.internal.sql.Classification.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/** The part of {@link StatementClassifier} that touches JSqlParser, loaded on first use. */
final class JSqlParserClassifier {

    /** Longer than this, a parse is abandoned and the statement counts as not parsed. */
    private static final long PARSE_TIMEOUT_MS = 2_000;

    /** JSqlParser enforces its timeout by parsing on an executor; one daemon thread serves every parse. */
    private static final ExecutorService PARSER_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "graft-sql-parser");
        t.setDaemon(true);
        return t;
    });

    private JSqlParserClassifier() {
    }

    /** The classification, or null when JSqlParser cannot parse {@code sql}. */
    static Classification classify(String sql, SplitOptions options) {
        Statement st;
        try {
            st = CCJSqlParserUtil.parse(sql, PARSER_THREAD, parser -> {
                parser.withTimeOut(PARSE_TIMEOUT_MS);
                // JSqlParser reads names and strings the way the dialect's lexer does
                if (options != null && options.bracketIdentifiers()) {
                    parser.withSquareBracketQuotation(true);
                }
                if (options != null && options.backslashEscapes()) {
                    parser.withBackslashEscapeCharacter(true);
                }
            });
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            return null;
        }
        if (st == null) {
            return null;
        }
        Kind kind = kindOf(st);
        String reason = destructiveReason(st);
        return new Classification(kind, reason != null, reason, tables(st), true);
    }

    private static Kind kindOf(Statement st) {
        if (st instanceof Select || st instanceof Insert || st instanceof Update || st instanceof Delete
                || st instanceof Merge || st instanceof Upsert) {
            return Kind.DML;
        }
        String pkg = st.getClass().getPackageName();
        if (st instanceof Truncate || st instanceof Comment || st instanceof Grant || st instanceof RenameTableStatement
                || pkg.contains(".statement.create") || pkg.contains(".statement.alter")
                || pkg.contains(".statement.drop")) {
            return Kind.DDL;
        }
        return Kind.OTHER;
    }

    private static String destructiveReason(Statement st) {
        if (st instanceof Drop drop) {
            String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
            if (type.equals("TABLE") || type.equals("SCHEMA") || type.equals("DATABASE")) {
                return "DROP " + type + " " + drop.getName();
            }
        } else if (st instanceof Truncate truncate) {
            return "TRUNCATE " + truncate.getTable();
        } else if (st instanceof Delete delete && delete.getWhere() == null) {
            return "DELETE without WHERE on " + delete.getTable();
        } else if (st instanceof Update update && update.getWhere() == null) {
            return "UPDATE without WHERE on " + update.getTable();
        } else if (st instanceof Alter alter && alter.getAlterExpressions() != null) {
            for (AlterExpression e : alter.getAlterExpressions()) {
                if (e.getOperation() == AlterOperation.DROP && e.getColumnName() != null) {
                    return "ALTER TABLE " + alter.getTable() + " DROP COLUMN " + e.getColumnName();
                }
                String constraint = droppedConstraint(e);
                if (constraint != null) {
                    return "ALTER TABLE " + alter.getTable() + " DROP " + constraint;
                }
            }
        }
        return null;
    }

    /** {@code CONSTRAINT c}, {@code FOREIGN KEY fk}, {@code PRIMARY KEY}, {@code CHECK c}, or null. */
    private static String droppedConstraint(AlterExpression e) {
        if (e.getOperation() == AlterOperation.DROP_FOREIGN_KEY) {
            return "FOREIGN KEY" + (e.getConstraintName() == null ? "" : " " + e.getConstraintName());
        }
        if (e.getOperation() == AlterOperation.DROP_PRIMARY_KEY) {
            return "PRIMARY KEY";
        }
        if (e.getOperation() != AlterOperation.DROP) {
            return null;
        }
        if (e.getConstraintName() != null) {
            return "CONSTRAINT " + e.getConstraintName();
        }
        return null;
    }

    private static List<String> tables(Statement st) {
        Set<String> names = new LinkedHashSet<>();
        try {
            names.addAll(new TablesNamesFinder<Void>().getTables(st));
        } catch (RuntimeException e) {
            // TablesNamesFinder does not visit every statement type (DDL mostly); see below
        }
        Table own = ownTable(st);
        if (own != null) {
            names.add(own.getFullyQualifiedName());
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return sorted;
    }

    private static Table ownTable(Statement st) {
        if (st instanceof CreateTable s) {
            return s.getTable();
        } else if (st instanceof Alter s) {
            return s.getTable();
        } else if (st instanceof Drop s && "TABLE".equalsIgnoreCase(s.getType())) {
            return s.getName();
        } else if (st instanceof Truncate s) {
            return s.getTable();
        } else if (st instanceof CreateIndex s) {
            return s.getTable();
        } else if (st instanceof CreateView s) {
            return s.getView();
        }
        return null;
    }
}
