package io.graft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A target's history as its own tables hold it, read directly over JDBC (not through Graft): the
 * revisions applied (in order) and running, the successful {@code up}/{@code resume} lines of
 * {@code graft_log} per revision, its other lines, and the rows of each revision's table (-1 when
 * it is missing).
 */
record ChaosHistory(List<String> applied, List<String> running, Map<String, Integer> successes,
        Map<String, Integer> otherLogLines, Map<String, Integer> tableRows) {

    static final String PREFIX = "graft_";

    /** A target Graft has not touched yet. */
    static ChaosHistory empty() {
        return new ChaosHistory(List.of(), List.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * The histories of {@code targets}: PostgreSQL schemas of the database at {@code pgDatabaseUrl},
     * MariaDB databases of the server at {@code mysqlUrl}, SQLite files.
     */
    static Map<String, ChaosHistory> read(List<ChaosTarget> targets, String pgDatabaseUrl, String mysqlUrl,
            int revisions) throws SQLException {
        Map<String, ChaosHistory> all = new HashMap<>();
        try (Connection pg = DriverManager.getConnection(pgDatabaseUrl);
                Connection my = DriverManager.getConnection(mysqlUrl)) {
            for (ChaosTarget t : targets) {
                switch (t.engine()) {
                    case POSTGRESQL -> all.put(t.name(), read(pg, "\"" + t.name() + "\".", revisions));
                    case MARIADB -> all.put(t.name(), read(my, "`" + t.name() + "`.", revisions));
                    default -> {
                        if (!Files.exists(Path.of(t.url().substring("jdbc:sqlite:".length())))) {
                            all.put(t.name(), empty());
                            continue;
                        }
                        try (Connection c = DriverManager.getConnection(t.url())) {
                            all.put(t.name(), read(c, "", revisions));
                        }
                    }
                }
            }
        }
        return all;
    }

    private static ChaosHistory read(Connection c, String qualifier, int revisions) throws SQLException {
        List<String> applied = new ArrayList<>();
        List<String> running = new ArrayList<>();
        Map<String, Integer> successes = new TreeMap<>();
        Map<String, Integer> others = new TreeMap<>();
        Map<String, Integer> rows = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, state FROM " + qualifier + PREFIX + "revisions"
                    + " ORDER BY applied_seq")) {
                while (rs.next()) {
                    ("applied".equals(rs.getString(2)) ? applied : running).add(rs.getString(1));
                }
            } catch (SQLException e) {
                return empty(); // no history table yet: untouched
            }
            try (ResultSet rs = s.executeQuery("SELECT revision_id, operation, outcome FROM " + qualifier + PREFIX
                    + "log")) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    if ("success".equals(rs.getString(3)) && Set.of("up", "resume").contains(rs.getString(2))) {
                        successes.merge(key, 1, Integer::sum);
                    } else {
                        others.merge(rs.getString(2) + " " + rs.getString(3), 1, Integer::sum);
                    }
                }
            } catch (SQLException e) {
                // MariaDB: a run killed between the two CREATE TABLEs of the history leaves no log table
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
            for (int i = 1; i <= revisions; i++) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualifier + Shapes.table(i))) {
                    rs.next();
                    rows.put(Shapes.revisionId(i), rs.getInt(1));
                } catch (SQLException e) {
                    rows.put(Shapes.revisionId(i), -1);
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                }
            }
        }
        return new ChaosHistory(applied, running, successes, others, rows);
    }
}
