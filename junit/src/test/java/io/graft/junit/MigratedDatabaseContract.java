package io.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.changelog.DialectId;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every dialect's database must give a test class: the changelog applied to heads, a
 * DataSource as a parameter and a field, the Graft that migrated it, one database for the whole
 * class (nested classes included), and a database of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MigratedDatabaseContract {

    DataSource dataSource;
    Graft graft;

    abstract DialectId expectedDialect();

    @Test
    @Order(1)
    void theChangelogIsAppliedBeforeTheFirstTest(DataSource ds, DialectId dialect) {
        assertThat(dialect).isEqualTo(expectedDialect());
        assertThat(Db.column(ds, "SELECT id FROM graft_revisions ORDER BY applied_seq"))
                .containsExactly("0001_users", "0002_user_names");
        Db.execute(ds, "INSERT INTO users (id, email, name) VALUES (1, 'ada@example.org', 'Ada')");
    }

    @Test
    @Order(2)
    void fieldsAreInjectedAndTheClassSharesOneDatabase() {
        assertThat(dataSource).isNotNull();
        assertThat(Db.column(dataSource, "SELECT name FROM users")).containsExactly("Ada");
        assertThat(graft.status().pending()).isEmpty();
    }

    @Test
    @Order(3)
    void theDatabaseIsOneOfItsOwn(DataSource ds) {
        switch (expectedDialect()) {
            case POSTGRESQL -> assertThat(Db.column(ds, "SELECT current_database()").get(0)).startsWith("graft_junit_");
            case MYSQL -> assertThat(Db.column(ds, "SELECT DATABASE()").get(0)).startsWith("graft_junit_");
            case SQLITE -> assertThat(Db.column(ds, "SELECT file FROM pragma_database_list WHERE name = 'main'").get(0))
                    .contains("graft-junit-").endsWith("test.db");
        }
    }

    @Nested
    class ANestedClass {

        @Test
        void seesTheSameDatabase(DataSource ds) {
            assertThat(ds).isSameAs(dataSource);
        }
    }
}
