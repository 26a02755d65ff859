package io.graft.history;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.LogEntry;
import io.graft.dialect.Dialect;
import io.graft.dialect.HistoryTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two history tables (DESIGN §5): {@code graft_revisions}, the state, and the append-only
 * {@code graft_log}. All reads of the state are one query; nothing here commits or begins a
 * transaction: the caller decides what a write belongs to.
 */
public final class HistoryStore {

    private static final int MAX_TEXT = 4000;

    private final Dialect dialect;
    private final HistoryTables tables;
    private final String revisions;
    private final String log;

    public HistoryStore(Dialect dialect, HistoryTables tables) {
        this.dialect = dialect;
        this.tables = tables;
        this.revisions = tables.revisions(dialect);
        this.log = tables.log(dialect);
    }

    public HistoryTables tables() {
        return tables;
    }

    public boolean exists(Connection c) throws SQLException {
        return dialect.historyExists(c, tables);
    }

    /** Creates the tables when missing; call with the migration lock held. */
    public void create(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : dialect.historyDdl(tables)) {
                s.execute(ddl);
            }
        }
    }

    /** Every row of {@code graft_revisions}, in the order they were applied; empty when the table does not exist. */
    public List<AppliedRevision> read(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<AppliedRevision> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, parents, checksum, state, statements_done,"
                + " statements_total, failed_statement, applied_at, applied_by, execution_ms, description"
                + " FROM " + revisions + " ORDER BY applied_seq, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String parents = rs.getString("parents");
                rows.add(new AppliedRevision(
                        rs.getString("id"),
                        parents.isEmpty() ? List.of() : Arrays.asList(parents.split(",")),
                        rs.getString("checksum").trim(),
                        AppliedRevision.State.fromKey(rs.getString("state")),
                        rs.getInt("statements_done"),
                        rs.getInt("statements_total"),
                        rs.getString("failed_statement"),
                        dialect.instantFrom(rs, "applied_at"),
                        rs.getString("applied_by"),
                        rs.getLong("execution_ms"),
                        rs.getString("description")));
            }
        }
        return rows;
    }

    /** Inserts a row: {@code applied} for a finished revision or a stamp, {@code running} before a non-transactional one. */
    public void insert(Connection c, AppliedRevision row, Direction direction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + revisions
                + " (id, parents, checksum, state, direction, statements_done, statements_total, failed_statement,"
                + " applied_seq, applied_at, applied_by, execution_ms, description)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(applied_seq), 0) + 1 FROM "
                + revisionsForSubquery() + "), ?, ?, ?, ?)")) {
            ps.setString(1, row.id());
            ps.setString(2, String.join(",", row.parents()));
            ps.setString(3, row.checksum());
            ps.setString(4, row.state().key());
            ps.setString(5, direction.name().toLowerCase(java.util.Locale.ROOT));
            ps.setInt(6, row.statementsDone());
            ps.setInt(7, row.statementsTotal());
            ps.setString(8, cut(row.failedStatement()));
            ps.setObject(9, dialect.toDatabase(row.appliedAt()));
            ps.setString(10, row.appliedBy());
            ps.setLong(11, row.executionMs());
            ps.setString(12, cut(row.description(), 1000));
            ps.executeUpdate();
        }
    }

    /** MySQL refuses a sub-select on the table being inserted into unless it is wrapped. */
    private String revisionsForSubquery() {
        return dialect.id() == io.graft.changelog.DialectId.MYSQL
                ? "(SELECT applied_seq FROM " + revisions + ") AS graft_seq"
                : revisions;
    }

    /** Records progress of a running revision after each statement. */
    public void progress(Connection c, String id, int done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + revisions + " SET statements_done = ? WHERE id = ?")) {
            ps.setInt(1, done);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Marks a revision as running in {@code direction}, for a non-transactional downgrade. */
    public void markRunning(Connection c, String id, Direction direction, int total, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + revisions
                + " SET state = 'running', direction = ?, statements_done = 0, statements_total = ?,"
                + " failed_statement = NULL, applied_at = ? WHERE id = ?")) {
            ps.setString(1, direction.name().toLowerCase(java.util.Locale.ROOT));
            ps.setInt(2, total);
            ps.setObject(3, dialect.toDatabase(at));
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    /** Records where a running revision stopped. */
    public void failed(Connection c, String id, int done, String where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + revisions + " SET statements_done = ?, failed_statement = ? WHERE id = ?")) {
            ps.setInt(1, done);
            ps.setString(2, cut(where));
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Turns a row into {@code applied}, after a non-transactional run or a repair. */
    public void markApplied(Connection c, String id, int done, long executionMs, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + revisions
                + " SET state = 'applied', direction = 'up', statements_done = ?, failed_statement = NULL,"
                + " execution_ms = ?, applied_at = ? WHERE id = ?")) {
            ps.setInt(1, done);
            ps.setLong(2, executionMs);
            ps.setObject(3, dialect.toDatabase(at));
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    public void updateChecksum(Connection c, String id, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + revisions + " SET checksum = ? WHERE id = ?")) {
            ps.setString(1, checksum);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + revisions + " WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    public void deleteAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + revisions);
        }
    }

    /** Appends to {@code graft_log}. */
    public void log(Connection c, String operation, String revisionId, Instant started, Instant finished,
            boolean success, String error, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + log
                + " (operation, revision_id, started_at, finished_at, outcome, error, applied_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, operation);
            ps.setString(2, revisionId);
            ps.setObject(3, dialect.toDatabase(started));
            ps.setObject(4, finished == null ? null : dialect.toDatabase(finished));
            ps.setString(5, success ? "success" : "failure");
            ps.setString(6, error);
            ps.setString(7, user);
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} log rows, newest first; empty when the table does not exist. */
    public List<LogEntry> readLog(Connection c, int limit) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<LogEntry> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, operation, revision_id, started_at, finished_at,"
                + " outcome, error, applied_by FROM " + log + " ORDER BY id DESC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LogEntry(rs.getLong("id"), rs.getString("operation"), rs.getString("revision_id"),
                            dialect.instantFrom(rs, "started_at"), dialect.instantFrom(rs, "finished_at"),
                            rs.getString("outcome"), rs.getString("error"), rs.getString("applied_by")));
                }
            }
        }
        return rows;
    }

    private static String cut(String text) {
        return cut(text, MAX_TEXT);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
