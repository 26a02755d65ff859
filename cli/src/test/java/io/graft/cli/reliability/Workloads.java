package io.graft.cli.reliability;

import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Changelogs and SQL for the reliability tests. */
final class Workloads {

    private Workloads() {
    }

    /** A statement that takes about {@code seconds} on {@code dialect}, and changes nothing. */
    static String slow(DialectId dialect, double seconds) {
        return switch (dialect) {
            case POSTGRESQL -> String.format(Locale.ROOT, "SELECT pg_sleep(%.3f);", seconds);
            case MYSQL -> String.format(Locale.ROOT, "SELECT SLEEP(%.3f);", seconds);
            // About six million rows a second: a CPU-bound statement, as SQLite has no sleep.
            case SQLITE -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
                    + Math.max(1, (long) (seconds * 6_000_000)) + ") SELECT count(*) FROM c;";
        };
    }

    static String id(String prefix, int i) {
        return String.format(Locale.ROOT, "%s%02d", prefix, i);
    }

    /**
     * {@code count} revisions in a line, {@code PREFIXnn}: each creates table {@code t_PREFIXnn},
     * inserts {@code nn} rows into it, then runs {@code slowSeconds} of slow work. Each has a down file.
     */
    static Path chain(Path dir, DialectId dialect, String prefix, int count, double slowSeconds) {
        ChangelogFixture f = ChangelogFixture.in(dir);
        for (int i = 1; i <= count; i++) {
            String id = id(prefix, i);
            StringBuilder up = new StringBuilder("CREATE TABLE t_" + id + " (n INTEGER NOT NULL);\n");
            for (int n = 1; n <= i; n++) {
                up.append("INSERT INTO t_").append(id).append(" (n) VALUES (").append(n).append(");\n");
            }
            if (slowSeconds > 0) {
                up.append(slow(dialect, slowSeconds)).append('\n');
            }
            f.revision(id, i == 1 ? List.of() : List.of(id(prefix, i - 1)), up.toString(),
                    "DROP TABLE t_" + id + ";\n");
        }
        return f.save();
    }

    /** Count of rows per {@code outcome} for one revision in graft_log, going up. */
    static long logCount(TestDatabase db, String revision, String outcome) {
        List<Map<String, Object>> rows = db.query("SELECT count(*) AS n FROM graft_log WHERE operation = 'up'"
                + " AND revision_id = '" + revision + "' AND outcome = '" + outcome + "'");
        return ((Number) rows.get(0).get("n")).longValue();
    }

    static long count(TestDatabase db, String table) {
        return ((Number) db.query("SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
    }
}
