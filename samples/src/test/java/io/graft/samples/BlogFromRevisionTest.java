package io.graft.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.junit.GraftDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The blog sample as an application's migration test would use {@code @GraftDatabase}: the
 * database starts at 0003 (posts have a status), an author's draft is written as the application
 * would, and the rest of the changelog (the seed, the view of published posts) applies on top.
 * The database is whichever the environment offers (PostgreSQL in CI).
 */
@GraftDatabase(changelog = "blog/changelog.yaml", target = "0003_post_status")
class BlogFromRevisionTest {

    @Test
    void theSeedAndTheViewApplyOnTopOfExistingPosts(DataSource ds, Graft graft) throws SQLException {
        execute(ds, "INSERT INTO users (id, email, name) VALUES (2, 'writer@example.com', 'Writer')");
        execute(ds, "INSERT INTO posts (id, author_id, title, body, status) VALUES (2, 2, 'Draft', 'Soon', 'draft')");

        graft.upgrade();

        assertThat(column(ds, "SELECT title FROM published_posts ORDER BY id")).containsExactly("Welcome");
        assertThat(column(ds, "SELECT title FROM posts ORDER BY id")).containsExactly("Welcome", "Draft");
        assertThat(graft.status().pending()).isEmpty();
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> column(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
