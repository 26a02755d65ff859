package io.graft.bench;

import io.graft.bench.ChaosTarget.Engine;
import io.graft.internal.dialect.HistoryTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The faults of {@link FleetChaos} that are not the kill: another session holding the migration
 * lock of one tenant per engine, and restarts of the local PostgreSQL and MariaDB servers (each
 * announced with a line in the restarts log first, as others share the servers).
 */
final class ChaosFaults {

    private final String pgUrl;
    private final String pgDatabase;
    private final String mysqlUrl;
    private final Path restartsLog;
    private final Map<Engine, ChaosTarget> locked;
    private final List<AutoCloseable> heldLocks = new ArrayList<>();
    private int pgLockPid;

    ChaosFaults(String pgUrl, String pgDatabase, String mysqlUrl, Path restartsLog, Map<Engine, ChaosTarget> locked) {
        this.pgUrl = pgUrl;
        this.pgDatabase = pgDatabase;
        this.mysqlUrl = mysqlUrl;
        this.restartsLog = restartsLog;
        this.locked = locked;
    }

    /** Restarts PostgreSQL as its Debian cluster, waits until it answers, and takes its tenant's lock again. */
    void restartPostgresql() throws Exception {
        announce("PostgreSQL");
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(v -> v.getFileName().toString()).max(Comparator.naturalOrder()).orElseThrow();
        }
        shell("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
        await("PostgreSQL", () -> answers(pgUrl));
        takeLock(Engine.POSTGRESQL);
    }

    /** Shuts MariaDB down, starts it again, waits until it answers, and takes its tenant's lock again. */
    void restartMariadb() throws Exception {
        announce("MariaDB");
        shell("mariadb-admin", "-uroot", "shutdown");
        shell("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd");
        await("MariaDB", () -> answers(mysqlUrl));
        takeLock(Engine.MARIADB);
    }

    /** Ends every session of the fleet's PostgreSQL database but the other session's lock; returns how many. */
    int terminatePostgresql() throws SQLException {
        try (Connection c = DriverManager.getConnection(FleetFixtures.pgDatabase(pgUrl, pgDatabase));
                var ps = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = ? AND pid <> pg_backend_pid() AND pid <> ?")) {
            ps.setString(1, pgDatabase);
            ps.setInt(2, pgLockPid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Ends every MariaDB session in a tenant database ({@code tag_m...}; the lock's has none); returns how many. */
    int terminateMariadb(String tag) throws SQLException {
        int n = 0;
        try (Connection c = DriverManager.getConnection(mysqlUrl); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db LIKE '" + tag
                    + "\\_m%'")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                try {
                    s.execute("KILL " + id);
                    n++;
                } catch (SQLException gone) {
                    // ended on its own meanwhile
                }
            }
        }
        return n;
    }

    void takeLocks() throws SQLException {
        for (Engine e : Engine.values()) {
            takeLock(e);
        }
    }

    private void announce(String server) throws IOException {
        Files.writeString(restartsLog, Instant.now() + " FleetChaos (issue 16 acceptance run) restarts " + server
                + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void shell(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void await(String what, BooleanSupplier up) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!up.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not answer within 120 s");
            }
            Thread.sleep(100);
        }
    }

    private static boolean answers(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Takes Graft's own lock of the locked tenant of {@code engine}, as a second run would hold
     * it: PostgreSQL's advisory lock on {@link HistoryTables#lockKey}, MariaDB's {@code GET_LOCK}
     * named as {@code MySqlDialect.lockName} names it, SQLite's write transaction.
     */
    void takeLock(Engine engine) throws SQLException {
        ChaosTarget t = locked.get(engine);
        Connection c;
        switch (engine) {
            case POSTGRESQL -> {
                c = DriverManager.getConnection(FleetFixtures.pgDatabase(pgUrl, pgDatabase));
                try (var ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    ps.setLong(1, new HistoryTables(t.name(), ChaosHistory.PREFIX).lockKey(pgDatabase));
                    ps.execute();
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pgLockPid = rs.getInt(1);
                }
            }
            case MARIADB -> {
                c = DriverManager.getConnection(mysqlUrl);
                try (var ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                    ps.setString(1, "graft:" + t.name() + ":" + ChaosHistory.PREFIX);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) != 1) {
                            throw new IllegalStateException("could not take the lock of " + t.name());
                        }
                    }
                }
            }
            default -> {
                c = DriverManager.getConnection(t.url());
                try (Statement s = c.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                }
            }
        }
        heldLocks.add(c);
    }

    void releaseLocks() {
        for (AutoCloseable c : heldLocks) {
            try {
                c.close();
            } catch (Exception e) {
                // a server restart took it already
            }
        }
        heldLocks.clear();
    }
}
