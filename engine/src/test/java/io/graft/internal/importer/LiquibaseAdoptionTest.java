package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.MigrationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How DATABASECHANGELOG rows map onto an imported changelog, the row kinds Liquibase writes rarely included. */
class LiquibaseAdoptionTest {

    private static ImportManifest.Entry entry(String id, String author, String file, String checksum,
            Map<String, String> more) {
        Map<String, String> extra = new java.util.LinkedHashMap<>(Map.of("id", id, "author", author, "filename", file));
        extra.putAll(more);
        return new ImportManifest.Entry(id.replace('-', '_'), "changeset", null, null, file, checksum, List.of(),
                List.of(), extra);
    }

    private static final ImportManifest MANIFEST = new ImportManifest("liquibase", null, "DATABASECHANGELOG", List.of(
            entry("1", "ann", "db/a.sql", "9:aa", Map.of()),
            entry("pg-index", "ann", "db/a.sql", "9:bb", Map.of("dbms", "postgresql")),
            entry("2", "ann", "db/a.sql", "9:cc", Map.of("validCheckSum", "9:c2")),
            entry("view", "ann", "db/a.sql", "9:dd", Map.of("runOnChange", "true")),
            entry("3", "bob", "db/b.xml", null, Map.of("md5sum.sqlite", "9:ee", "md5sum.postgresql", "9:ef"))));

    private static LiquibaseAdoption.Row row(String id, String author, int order, String type, String md5) {
        return new LiquibaseAdoption.Row(id, author, id.equals("3") ? "db/b.xml" : "db/a.sql", order, type, md5);
    }

    private static HistoryAdoption.Adopted map(String dialect, LiquibaseAdoption.Row... rows) {
        return new LiquibaseAdoption(MANIFEST).map(List.of(rows), dialect);
    }

    @Test
    void executedReranAndMarkRanAreAppliedAndSkippedChangesetsArePassed() {
        HistoryAdoption.Adopted r = map("sqlite", row("1", "ANN", 1, "EXECUTED", "9:aa"), row("2", "ann", 2, "RERAN", "9:cc"),
                row("view", "ann", 3, "MARK_RAN", "9:dd"), row("3", "bob", 4, "EXECUTED", "9:ee"));
        assertThat(r.ids()).containsExactly("1", "pg_index", "2", "view", "3");
        assertThat(r.pending()).isEmpty();
        assertThat(map("sqlite", row("1", "ann", 1, "EXECUTED", "9:aa")).ids()).containsExactly("1");
        assertThat(map("sqlite", row("1", "ann", 1, "EXECUTED", "9:aa"), row("2", "ann", 2, "SKIPPED", null)).ids())
                .containsExactly("1");
    }

    @Test
    void checksumsAreComparedUnlessClearedOrOfAnOlderVersion() {
        assertThat(map("sqlite", row("1", "ann", 1, "EXECUTED", null)).ids()).containsExactly("1");
        assertThat(map("sqlite", row("1", "ann", 1, "EXECUTED", "8:0123")).ids()).containsExactly("1");
        assertThat(map("postgresql", row("1", "ann", 1, "EXECUTED", "9:aa"), row("3", "bob", 2, "EXECUTED", "9:ef"))
                .ids()).containsExactly("1", "3");
        assertThat(map("postgresql", row("2", "ann", 1, "EXECUTED", "9:c2")).ids()).as("a validCheckSum")
                .containsExactly("2");
        assertThatThrownBy(() -> map("sqlite", row("1", "ann", 1, "EXECUTED", "9:a0")))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Liquibase's history row (ID '1', AUTHOR 'ann', FILENAME 'db/a.sql',"
                        + " ORDEREXECUTED 1) has MD5SUM 9:a0, but changeset 1 in db/a.sql had 9:aa when it was imported");
    }

    @Test
    void anEditedRunOnChangeChangesetIsPending() {
        HistoryAdoption.Adopted r = map("sqlite", row("1", "ann", 1, "EXECUTED", "9:aa"),
                row("view", "ann", 2, "EXECUTED", "9:d0"));
        assertThat(r.ids()).containsExactly("1");
        assertThat(r.pending()).containsExactly("view");
        assertThat(map("sqlite", row("view", "ann", 1, "EXECUTED", "9:d0"), row("view", "ann", 2, "RERAN", "9:dd")).pending())
                .as("Liquibase re-ran it since").isEmpty();
    }

    @Test
    void failedAndUnknownRowsAreRefused() {
        assertThatThrownBy(() -> map("sqlite", row("1", "ann", 1, "FAILED", "9:aa")))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Liquibase's history row (ID '1', AUTHOR 'ann', FILENAME 'db/a.sql',"
                        + " ORDEREXECUTED 1) is FAILED");
        assertThatThrownBy(() -> map("sqlite", row("9", "ann", 7, "EXECUTED", "9:aa")))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Liquibase's history row (ID '9', AUTHOR 'ann', FILENAME 'db/a.sql',"
                        + " ORDEREXECUTED 7) names a changeset that the changelog does not have");
    }
}
