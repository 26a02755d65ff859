package io.graft.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.RunResult;
import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every sample, to head, down to base and up again, on every database; schema and history asserted after each step. */
class SamplesTest {

    private static Graft graft(String sample, TestDatabase db) {
        return Graft.builder()
                .changelog(Path.of(sample, "changelog.yaml"))
                .url(db.url(), db.user(), db.password())
                .build();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void blog(DialectId dialect) {
        List<String> all = List.of("0001_create_users", "0002_create_posts", "0003_post_status",
                "0004_seed_admin", "0005_published_view");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft("blog", db)) {
            RunResult up = graft.upgrade();
            assertThat(up.steps()).extracting(s -> s.revisionId()).containsExactlyElementsOf(all);
            assertThat(db.userTables()).containsExactly("posts", "published_posts", "users");
            assertThat(db.appliedIds()).containsExactlyElementsOf(all);
            assertThat(db.columns("posts")).contains("status");
            assertThat(db.query("SELECT name FROM users")).extracting(r -> r.get("name"))
                    .containsExactly("The admin; who's in charge");
            assertThat(db.query("SELECT body FROM posts")).extracting(r -> r.get("body"))
                    .containsExactly("First post -- not a comment; /* not one either */");
            assertThat(graft.upgrade().nothingToDo()).isTrue();

            graft.downgrade("-2");
            assertThat(db.appliedIds()).containsExactlyElementsOf(all.subList(0, 3));
            assertThat(db.userTables()).containsExactly("posts", "users");

            graft.downgrade("base");
            assertThat(db.userTables()).isEmpty();
            assertThat(db.appliedIds()).isEmpty();

            graft.upgrade("+2");
            assertThat(db.appliedIds()).containsExactlyElementsOf(all.subList(0, 2));
            assertThat(db.columns("posts")).doesNotContain("status");

            graft.upgrade("heads");
            assertThat(db.appliedIds()).containsExactlyElementsOf(all);
            assertThat(db.userTables()).containsExactly("posts", "published_posts", "users");
            assertLogged(db, "up", 10);
            assertLogged(db, "down", 5);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void branches(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft("branches", db)) {
            // After the merge both branches lead to the same head, as in Alembic.
            assertThat(graft.show("billing@head").id()).isEqualTo("0005_audit");
            assertThat(graft.show("search").id()).isEqualTo("0002_search_terms");

            graft.upgrade("0003_billing_payments");
            assertThat(db.appliedIds()).containsExactly("0001_accounts", "0002_billing_invoices", "0003_billing_payments");
            assertThat(db.userTables()).containsExactly("accounts", "invoices", "payments");

            graft.upgrade("search@+2");
            assertThat(db.appliedIds()).containsExactly("0001_accounts", "0002_billing_invoices",
                    "0003_billing_payments", "0002_search_terms", "0003_search_ranking");

            graft.upgrade();
            assertThat(db.userTables()).containsExactly("account_ranking", "accounts", "audit_log", "invoices",
                    "payments", "search_terms");
            assertThat(db.appliedIds()).hasSize(7);

            // Reverting billing's first revision takes what depends on it (the ranking view, the merge) with it,
            // and leaves the search branch's own table alone.
            graft.downgrade("0001_accounts");
            assertThat(db.appliedIds()).containsExactly("0001_accounts");
            assertThat(db.userTables()).containsExactly("accounts");

            graft.upgrade("0003_search_ranking");
            assertThat(db.appliedIds()).containsExactly("0001_accounts", "0002_billing_invoices",
                    "0002_search_terms", "0003_search_ranking");

            // The ranking depends on invoices: downgrading to invoices keeps them, and so the ranking too
            // (as in Alembic) ...
            assertThat(graft.downgrade("0002_billing_invoices").nothingToDo()).isTrue();
            assertThat(db.appliedIds()).containsExactly("0001_accounts", "0002_billing_invoices",
                    "0002_search_terms", "0003_search_ranking");
            // ... while reverting invoices (one step back on billing) takes the ranking with them.
            graft.downgrade("billing@-1");
            assertThat(db.appliedIds()).containsExactly("0001_accounts", "0002_search_terms");
            assertThat(db.userTables()).containsExactly("accounts", "search_terms");

            graft.downgrade("base");
            assertThat(db.userTables()).isEmpty();
            graft.upgrade("heads");
            assertThat(db.appliedIds()).hasSize(7);
            assertThat(db.query("SELECT event FROM audit_log")).extracting(r -> r.get("event"))
                    .containsExactly("billing and search merged");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"POSTGRESQL", "SQLITE"})
    void dialects(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft("dialects", db)) {
            graft.upgrade();
            assertThat(db.userTables()).containsExactly("item_tags", "items");
            assertThat(db.appliedIds()).containsExactly("0001_items", "0002_item_tags", "0003_items_name_index");
            db.execute("INSERT INTO items (name) VALUES ('first')");
            db.execute("UPDATE items SET name = 'renamed'");
            assertThat(db.query("SELECT name FROM items")).extracting(r -> r.get("name")).containsExactly("renamed");
            List<Map<String, Object>> rows = db.query(
                    "SELECT statements_done, statements_total, state FROM graft_revisions WHERE id = '0003_items_name_index'");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("state")).isEqualTo("applied");
            assertThat(((Number) rows.get(0).get("statements_done")).intValue()).isEqualTo(1);

            graft.downgrade("base");
            assertThat(db.userTables()).isEmpty();
            graft.upgrade();
            assertThat(db.userTables()).containsExactly("item_tags", "items");
        }
    }

    private static void assertLogged(TestDatabase db, String operation, int count) {
        List<Map<String, Object>> rows = db.query(
                "SELECT COUNT(*) AS n FROM graft_log WHERE outcome = 'success' AND operation = '" + operation + "'");
        assertThat(((Number) rows.get(0).get("n")).intValue()).isEqualTo(count);
    }
}
