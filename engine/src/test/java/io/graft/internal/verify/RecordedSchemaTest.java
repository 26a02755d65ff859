package io.graft.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Graft;
import io.graft.MigrationException;
import io.graft.SchemaDriftReport;
import io.graft.SchemaDriftReport.Baseline;
import io.graft.SchemaDriftReport.Way;
import io.graft.SchemaState;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.dialect.HistoryTables;
import io.graft.internal.history.HistoryStore;
import io.graft.internal.history.HistoryStore.SchemaRecord;
import io.graft.internal.schema.Schema;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema recorded after each run ({@code graft_schema}), on each real database: {@code up} and
 * {@code down} record it, {@code status} says when the live schema drifted from it, {@code graft
 * drift} names every difference against it without a scratch database, {@code drift.ignore}
 * leaves objects out, and a record made at other revisions is never compared with.
 */
class RecordedSchemaTest {

    @TempDir
    Path dir;

    private Path changelog(DialectId dialect) {
        String view = "CREATE VIEW active_users AS SELECT id, name FROM users WHERE id > 0;\n";
        return ChangelogFixture.in(dir)
                .revision("0001_users", List.of(),
                        "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL DEFAULT 'x');\n"
                                + "CREATE INDEX users_name ON users (name);\n" + view,
                        "DROP VIEW active_users;\nDROP TABLE users;\n")
                .revision("0002_orders", List.of("0001_users"),
                        "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id),"
                                + " total DECIMAL(10,2));\n",
                        "DROP TABLE orders;\n")
                .save();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void statusAndDriftCompareWithTheSchemaRecordedByTheLastRun(DialectId dialect) throws Exception {
        Path changelog = changelog(dialect);
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            // An SQLite file that does not exist yet is not created by a read, so nothing is compared.
            assertThat(graft.status().schema())
                    .isEqualTo(dialect == DialectId.SQLITE ? SchemaState.NOT_CHECKED : SchemaState.NOT_RECORDED);
            graft.upgrade("heads");

            List<Map<String, Object>> rows = db.query("SELECT seq, revisions, schema_hash FROM graft_schema");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("revisions")).isEqualTo("0001_users,0002_orders");
            assertThat(graft.status().schema().kind()).isEqualTo(SchemaState.Kind.AS_RECORDED);

            // Read back, the recorded model is the live one, object for object (not only by hash).
            HistoryStore history = new HistoryStore(Dialects.of(dialect), new HistoryTables(null, "graft_"));
            RecordedSchemas recorded = new RecordedSchemas(dialect, history, null, "graft_", DriftIgnore.NONE);
            try (Connection c = db.connect()) {
                SchemaRecord record = recorded.latest(c).orElseThrow();
                Schema live = recorded.readLive(c);
                assertThat(recorded.model(record).withName(live.name())).isEqualTo(live);
                assertThat(RecordedSchemas.hash(live)).isEqualTo(record.hash());
            }

            SchemaDriftReport clean = graft.schemaDrift(null, null);
            assertThat(clean.baseline()).isEqualTo(Baseline.RECORDED);
            assertThat(clean.drifted()).as("%s", clean).isFalse();
            assertThat(clean.recordedAt()).isNotNull();

            db.execute("CREATE TABLE audit_by_hand (id INTEGER)");
            db.execute("ALTER TABLE users ADD COLUMN email VARCHAR(80)");
            db.execute(dialect == DialectId.MYSQL ? "DROP INDEX users_name ON users" : "DROP INDEX users_name");

            SchemaState state = graft.status().schema();
            assertThat(state.kind()).isEqualTo(SchemaState.Kind.DRIFTED);
            assertThat(state.differences()).isEqualTo(3);

            // No --dev-url needed: the recorded schema is the baseline.
            SchemaDriftReport drifted = graft.schemaDrift(null, null);
            assertThat(drifted.baseline()).isEqualTo(Baseline.RECORDED);
            assertThat(drifted.differences()).extracting(d -> d.way() + " " + d.object()).containsExactlyInAnyOrder(
                    Way.ADDED + " table audit_by_hand", Way.ADDED + " column users.email",
                    Way.MISSING + " index users.users_name");
            assertThat(drifted.differences().get(0).describe(Baseline.RECORDED))
                    .contains("the schema recorded by graft up");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void ignoredObjectsAreLeftOutAndCounted(DialectId dialect) {
        Path changelog = changelog(dialect);
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                        .driftIgnore(List.of("hand_*", "column users.legacy_*")).build()) {
            graft.upgrade("heads");
            db.execute("CREATE TABLE hand_made (id INTEGER)");
            db.execute("ALTER TABLE users ADD COLUMN legacy_code VARCHAR(10)");
            assertThat(graft.status().schema().kind()).isEqualTo(SchemaState.Kind.AS_RECORDED);
            SchemaDriftReport report = graft.schemaDrift(null, null);
            assertThat(report.drifted()).as("%s", report).isFalse();
            assertThat(report.ignored()).isEqualTo(2);

            db.execute("CREATE TABLE not_ignored (id INTEGER)");
            assertThat(graft.status().schema().differences()).isEqualTo(1);
            assertThat(graft.schemaDrift(null, null).differences()).extracting(d -> d.object())
                    .containsExactly("table not_ignored");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void downRecordsToo_andARecordAtOtherRevisionsIsNeverComparedWith(DialectId dialect) {
        Path changelog = changelog(dialect);
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            graft.upgrade("heads");
            graft.downgrade("0001_users");
            assertThat(db.query("SELECT revisions FROM graft_schema ORDER BY seq"))
                    .extracting(r -> r.get("revisions")).containsExactly("0001_users,0002_orders", "0001_users");
            assertThat(graft.status().schema().kind()).isEqualTo(SchemaState.Kind.AS_RECORDED);

            // A stamp changes the applied set without running SQL: the record no longer stands for it.
            graft.stamp("0002_orders");
            SchemaState state = graft.status().schema();
            assertThat(state.kind()).isEqualTo(SchemaState.Kind.OTHER_REVISIONS);
            assertThat(state.recordedRevisions()).containsExactly("0001_users");
            assertThatThrownBy(() -> graft.schemaDrift(Baseline.RECORDED, null))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("not of those applied now")
                    .hasMessageContaining("--against changelog");
            // By default drift then compares with the changelog (which has orders; the database has not).
            SchemaDriftReport report = graft.schemaDrift(null, TestDatabase.serverUrl(dialect));
            assertThat(report.baseline()).isEqualTo(Baseline.CHANGELOG);
            assertThat(report.differences()).extracting(d -> d.way() + " " + d.object())
                    .contains(Way.MISSING + " table orders");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void recordingCanBeTurnedOff(DialectId dialect) {
        Path changelog = changelog(dialect);
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                        .recordSchema(false).build()) {
            graft.upgrade("heads");
            assertThat(db.tables()).doesNotContain("graft_schema");
            assertThat(graft.status().schema()).isEqualTo(SchemaState.NOT_CHECKED);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void onlyTheNewestRecordsAreKept(DialectId dialect) {
        Path changelog = changelog(dialect);
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            for (int i = 0; i < 11; i++) {
                graft.upgrade("heads");
                graft.downgrade("0001_users");
            }
            List<Map<String, Object>> rows = db.query("SELECT seq FROM graft_schema ORDER BY seq");
            assertThat(rows).hasSize(20);
            assertThat(((Number) rows.get(0).get("seq")).intValue()).isEqualTo(3);
            assertThat(graft.status().schema().kind()).isEqualTo(SchemaState.Kind.AS_RECORDED);
        }
    }

    /** Every kind of object the model reads, changed behind Graft's back, is named by drift. */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void driftOfEachObjectKindIsNamed(DialectId dialect) {
        Path changelog = changelog(dialect);
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            graft.upgrade("heads");
            List<String> byHand = switch (dialect) {
                case POSTGRESQL -> List.of(
                        "ALTER TABLE orders ALTER COLUMN total TYPE DECIMAL(12,2)",
                        "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0)",
                        "CREATE OR REPLACE VIEW active_users AS SELECT id, name FROM users WHERE id > 1",
                        "CREATE SEQUENCE invoice_numbers",
                        "CREATE TYPE mood AS ENUM ('ok', 'sad')",
                        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                        "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()",
                        "CREATE UNIQUE INDEX orders_total ON orders (total)");
                case MYSQL -> List.of(
                        "ALTER TABLE orders MODIFY total DECIMAL(12,2)",
                        "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0)",
                        "CREATE OR REPLACE VIEW active_users AS SELECT id, name FROM users WHERE id > 1",
                        "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW SET NEW.name = NEW.name",
                        "CREATE FUNCTION answer() RETURNS INT DETERMINISTIC RETURN 42",
                        "CREATE UNIQUE INDEX orders_total ON orders (total)");
                case SQLITE -> List.of(
                        "DROP VIEW active_users",
                        "CREATE VIEW active_users AS SELECT id, name FROM users WHERE id > 1",
                        "CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN SELECT 1; END",
                        "CREATE UNIQUE INDEX orders_total ON orders (total)");
            };
            byHand.forEach(db::execute);
            SchemaDriftReport report = graft.schemaDrift(null, null);
            List<String> objects = report.differences().stream().map(d -> d.way() + " " + d.object()).toList();
            List<String> expected = new java.util.ArrayList<>(List.of(
                    "CHANGED view active_users", "ADDED trigger users.users_touch", "ADDED index orders.orders_total"));
            if (dialect != DialectId.SQLITE) {
                expected.addAll(List.of("CHANGED column orders.total", "ADDED constraint orders.total_positive"));
            }
            if (dialect == DialectId.POSTGRESQL) {
                expected.addAll(List.of("ADDED sequence invoice_numbers", "ADDED enum mood", "ADDED routine touch()"));
            }
            if (dialect == DialectId.MYSQL) {
                expected.add("ADDED routine answer()");
            }
            assertThat(objects).as("%s", objects).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(graft.status().schema().differences()).isEqualTo(expected.size());
        }
    }
}
