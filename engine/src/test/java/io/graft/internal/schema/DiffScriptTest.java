package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.internal.schema.Change.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the script of a diff says to lint and to the revision it becomes: DESTRUCTIVE marks, allows, transactions. */
class DiffScriptTest {

    @Test
    void aRevisionRunsWithoutATransactionOnlyWhereTheRunWouldRefuseOne() {
        List<Change> plain = List.of(Change.of(Kind.ADD_COLUMN, "t.c", false, "ALTER TABLE t ADD COLUMN c TEXT"));
        assertThat(DiffScript.nonTransactionalReason(DialectId.SQLITE, plain)).isEmpty();
        assertThat(DiffScript.nonTransactionalReason(DialectId.POSTGRESQL, plain)).isEmpty();

        List<Change> pragma = List.of(new Change(Kind.REBUILD_TABLE, "t", false, "a rebuild",
                List.of("PRAGMA foreign_keys = OFF", "CREATE TABLE t_graft_new (id INTEGER)")));
        assertThat(DiffScript.nonTransactionalReason(DialectId.SQLITE, pragma))
                .hasValue("PRAGMA foreign_keys has no effect inside a transaction");

        List<Change> concurrently = List.of(Change.of(Kind.CREATE_INDEX, "t.i", false,
                "CREATE INDEX CONCURRENTLY i ON t (c)"));
        assertThat(DiffScript.nonTransactionalReason(DialectId.POSTGRESQL, concurrently)).isPresent();
    }

    @Test
    void theDropInsideARebuildIsAllowedAndADestructiveChangeIsMarked() {
        List<Change> changes = List.of(
                new Change(Kind.REBUILD_TABLE, "item", false, "SQLite cannot alter column name",
                        List.of("CREATE TABLE item_graft_new (id INTEGER)", "INSERT INTO item_graft_new (id) SELECT id FROM item",
                                "DROP TABLE item", "ALTER TABLE item_graft_new RENAME TO item")),
                Change.of(Kind.DROP_TABLE, "old", true, "DROP TABLE old"));
        assertThat(DiffScript.render(DialectId.SQLITE, changes)).isEqualTo("""
                -- rebuild table item (SQLite cannot alter column name)
                -- graft:allow down-keeps-table (renamed below)
                CREATE TABLE item_graft_new (id INTEGER);
                INSERT INTO item_graft_new (id) SELECT id FROM item;
                -- graft:allow destructive-statement (the rows were copied above)
                DROP TABLE item;
                ALTER TABLE item_graft_new RENAME TO item;

                -- DESTRUCTIVE: drop table old
                DROP TABLE old;
                """);
    }
}
