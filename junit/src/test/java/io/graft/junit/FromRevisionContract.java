package io.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.RunResult;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A migration's data test: the class starts at {@code target = "0001_users"}, the test writes
 * rows as the old schema had them, applies the rest with the injected Graft, and checks the data.
 */
abstract class FromRevisionContract {

    @Test
    void theNameMigrationFillsEveryName(DataSource ds, Graft graft) {
        assertThat(Db.column(ds, "SELECT id FROM graft_revisions")).containsExactly("0001_users");
        Db.execute(ds, "INSERT INTO users (id, email) VALUES (1, 'ada@example.org')");
        Db.execute(ds, "INSERT INTO users (id, email) VALUES (2, 'grace@example.org')");

        RunResult rest = graft.upgrade();

        assertThat(rest.steps()).extracting(s -> s.revisionId()).containsExactly("0002_user_names");
        assertThat(Db.column(ds, "SELECT name FROM users ORDER BY id")).containsExactly("ada@example.org", "grace@example.org");
    }
}
