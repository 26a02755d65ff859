package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs SQL scripts on a test database and reads its schema back. */
final class SchemaScripts {

    private SchemaScripts() {
    }

    static void run(TestDatabase db, String script) {
        try (Connection c = db.connect()) {
            run(c, db.dialect(), script);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static void run(Connection c, DialectId dialect, String script) throws SQLException {
        for (SqlStatement st : SqlSplitter.split(script, "script.sql", Dialects.of(dialect).splitOptions())) {
            try (Statement s = c.createStatement()) {
                s.execute(st.sql());
            } catch (SQLException e) {
                throw new SQLException(st.span().line() + ": " + e.getMessage() + "\n" + st.sql(), e.getSQLState(), e);
            }
        }
    }

    static Schema read(TestDatabase db) {
        try (Connection c = db.connect()) {
            return SchemaReader.of(db.dialect()).read(c, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
