package io.graft.testing;

import io.graft.changelog.DialectId;

/** A statement that runs for a minute unless cancelled, and how to see it run: for the tests of Ctrl-C and cancel. */
public final class SlowStatements {

    private SlowStatements() {
    }

    /** A statement that runs for a minute or more, unless cancelled. */
    public static String sleep(DialectId dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "SELECT pg_sleep(60)";
            case MYSQL -> "SELECT SLEEP(60)";
            case SQLITE -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000)"
                    + " SELECT count(*) FROM c";
        };
    }

    /** True while another session of the test database runs a sleep ({@link #sleep}, or any {@code pg_sleep}); SQLite cannot tell, so there it is true. */
    public static boolean sleeping(TestDatabase db) {
        return switch (db.dialect()) {
            case POSTGRESQL -> count(db, "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND state = 'active' AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()") > 0;
            case MYSQL -> count(db, "SELECT count(*) AS n FROM information_schema.processlist WHERE db = DATABASE()"
                    + " AND info LIKE '%SLEEP(%' AND id <> CONNECTION_ID()") > 0;
            case SQLITE -> true;
        };
    }

    /** The column {@code n} of the first row of {@code sql}. */
    public static long count(TestDatabase db, String sql) {
        return ((Number) db.query(sql).get(0).get("n")).longValue();
    }
}
