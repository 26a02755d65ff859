package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * SQLite rebuilds of tables that reference each other: each rebuild ends with
 * {@code PRAGMA foreign_key_check}, which fails on a reference to a column that is no key yet, so
 * the table whose references already find their keys goes first. The case the round-trip
 * property found (seed 2977403236796503082, shrunk): t1 gains a reference to t2, t2 gains its key.
 */
class SqliteRebuildOrderTest {

    private static final String COLUMNS = "c0 INTEGER NOT NULL, c1 TEXT, c2 INTEGER";

    @Test
    void aCycleOfRebuildsStartsWithTheTableWhoseReferencesAreKeyedAlready() {
        assertTheDiffAppliesKeepingARowIn("t1", "t2",
                "CREATE TABLE t1 (" + COLUMNS + ", PRIMARY KEY (c0));\n"
                        + "CREATE TABLE t2 (c0 INTEGER, c1 TEXT, c2 INTEGER, FOREIGN KEY (c2) REFERENCES t1 (c0));\n"
                        + "INSERT INTO t1 (c0, c1) VALUES (1, 'a');\nINSERT INTO t2 (c0, c2) VALUES (7, 1);\n",
                "CREATE TABLE t1 (" + COLUMNS + ", PRIMARY KEY (c0), FOREIGN KEY (c2) REFERENCES t2 (c0));\n"
                        + "CREATE TABLE t2 (" + COLUMNS + ", PRIMARY KEY (c0), FOREIGN KEY (c2) REFERENCES t1 (c0));\n");
    }

    /** Seed 1454055437017028525, shrunk: both tables gain their keys and their references to each other. */
    @Test
    void aCycleWhereNoKeyIsThereYetChecksEachTableAfterTheLastOneItReferences() {
        assertTheDiffAppliesKeepingARowIn("t0", "t2",
                "CREATE TABLE t0 (c0 INTEGER, c1 TEXT, c2 INTEGER);\n"
                        + "CREATE TABLE t2 (c0 INTEGER, c1 TEXT, c2 INTEGER);\n"
                        + "INSERT INTO t0 (c0, c2) VALUES (1, 2);\nINSERT INTO t2 (c0, c2) VALUES (2, 1);\n",
                "CREATE TABLE t0 (" + COLUMNS + ", PRIMARY KEY (c0), FOREIGN KEY (c2) REFERENCES t2 (c0));\n"
                        + "CREATE TABLE t2 (" + COLUMNS + ", PRIMARY KEY (c0), FOREIGN KEY (c2) REFERENCES t0 (c0));\n");
    }

    /** The diff from {@code fromScript}'s schema to {@code toScript}'s, applied: that schema, each table's row kept. */
    private static void assertTheDiffAppliesKeepingARowIn(String first, String second, String fromScript, String toScript) {
        try (TestDatabase from = TestDatabase.create(DialectId.SQLITE); TestDatabase to = TestDatabase.create(DialectId.SQLITE)) {
            SchemaScripts.run(from, fromScript);
            SchemaScripts.run(to, toScript);
            Schema wanted = SchemaScripts.read(to);

            RoundTrips.apply(from, RoundTrips.known(SchemaDiff.compare(SchemaScripts.read(from), wanted)));

            RoundTrips.assertSame(SchemaScripts.read(from), wanted, "after the diff");
            assertThat(RoundTrips.rowCounts(from, wanted)).containsEntry(first, 1L).containsEntry(second, 1L);
        }
    }
}
