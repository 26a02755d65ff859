package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Applying a diff to a live database, and the checks every round trip makes. */
final class RoundTrips {

    private RoundTrips() {
    }

    static void apply(TestDatabase db, List<Change> changes) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (Change change : changes) {
                for (String sql : change.statements()) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new AssertionError("-- " + change.comment() + "\n" + sql + "\nfailed: " + e.getMessage()
                                + "\nwhole diff:\n" + DiffScript.render(db.dialect(), changes), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The changes between two schemas that the model describes (unknown objects aside). */
    static List<Change> known(List<Change> changes) {
        return changes.stream().filter(c -> !(c.kind() == Change.Kind.UNSUPPORTED && c.subject().contains(" "))).toList();
    }

    static void assertSame(Schema actual, Schema expected, String what) {
        List<Change> rest = known(SchemaDiff.compare(actual, expected));
        assertThat(rest).as(what + ": the schema read back still differs:\n"
                + DiffScript.render(actual.dialect(), rest)).isEmpty();
    }

    /** Rows per table, for the tables of {@code schema}. */
    static Map<String, Long> rowCounts(TestDatabase db, Schema schema) {
        Map<String, Long> counts = new TreeMap<>();
        Ddl ddl = Ddl.of(db.dialect());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (Table t : schema.tables()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + ddl.quote(t.name()))) {
                    rs.next();
                    counts.put(t.name(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static DialectId[] dialects() {
        return DialectId.values();
    }
}
