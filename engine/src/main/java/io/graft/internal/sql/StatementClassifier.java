package io.graft.internal.sql;

import io.graft.internal.sql.Classification.Kind;
import java.util.List;
import java.util.Set;

/**
 * Classifies a statement with JSqlParser (DESIGN §7): DDL or DML, destructive or not, tables
 * touched. Never throws for bad SQL: a statement JSqlParser cannot read comes back with
 * {@code parsed == false} and a classification from its first words.
 *
 * <p>JSqlParser is only loaded when this class is first used; the splitter does not need it.
 */
public final class StatementClassifier {

    private static final Set<String> DML_WORDS = Set.of("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE",
            "REPLACE", "UPSERT", "VALUES", "TABLE");

    private StatementClassifier() {
    }

    /** Classifies {@code sql} with JSqlParser's default (mostly ANSI/PostgreSQL) grammar. */
    public static Classification classify(String sql) {
        return classify(sql, null);
    }

    /**
     * Classifies {@code sql} as its dialect writes it, read from the dialect's splitter options
     * ({@code [x]} names for SQLite, backslash escapes for MySQL); {@code options} may be null.
     */
    public static Classification classify(String sql, SplitOptions options) {
        if (sql == null || sql.isBlank()) {
            return fallback("");
        }
        Classification parsed = JSqlParserClassifier.classify(sql, options);
        return parsed != null ? parsed : fallback(sql);
    }

    /** From the first words only, for what JSqlParser cannot parse. */
    static Classification fallback(String sql) {
        Words t = Words.of(sql, StatementInspector.CODE_IN_COMMENTS, 12);
        String first = t.get(0);
        Kind kind = StatementInspector.isDdl(sql) ? Kind.DDL : DML_WORDS.contains(first) ? Kind.DML : Kind.OTHER;
        String reason = null;
        if (first.equals("TRUNCATE")) {
            reason = "TRUNCATE";
        } else if (first.equals("DROP") && (t.at(1, "TABLE") || t.at(1, "SCHEMA") || t.at(1, "DATABASE"))) {
            reason = "DROP " + t.get(1);
        } else if (first.equals("ALTER") && t.at(1, "TABLE") && t.indexOf("DROP") > 2) {
            // MySQL's DROP FOREIGN KEY name and DROP CHECK name, which JSqlParser does not read
            int drop = t.indexOf("DROP");
            String what = t.get(drop + 1);
            if ((what.equals("FOREIGN") || what.equals("PRIMARY")) && t.at(drop + 2, "KEY")) {
                reason = "ALTER TABLE DROP " + what + " KEY";
            } else if (what.equals("CONSTRAINT") || what.equals("CHECK") || what.equals("COLUMN")) {
                reason = "ALTER TABLE DROP " + what;
            }
        }
        return new Classification(kind, reason != null, reason, List.of(), false);
    }
}
