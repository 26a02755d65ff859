package io.graft.internal.history;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.LogEntry;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.HistoryTables;
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
    /** The {@code applied_seq} of the next row inserted, as of the last {@link #read}; 0 when unknown. */
    private int nextSeq;

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
            nextSeq = 1;
            return List.of();
        }
        List<AppliedRevision> rows = new ArrayList<>();
        int lastSeq = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, parents, checksum, state, statements_done,"
                + " statements_total, failed_statement, applied_at, applied_by, execution_ms, description, applied_seq"
                + " FROM " + revisions + " ORDER BY applied_seq, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lastSeq = Math.max(lastSeq, rs.getInt("applied_seq"));
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
        nextSeq = lastSeq + 1;
        return rows;
    }

    /** Inserts a row: {@code applied} for a finished revision or a stamp, {@code running} before a non-transactional one. */
    public void insert(Connection c, AppliedRevision row, Direction direction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            bindRow(ps, 0, row, direction);
            ps.executeUpdate();
        }
    }

    /**
     * Records a revision applied in a transaction: its row and its {@code graft_log} line. On
     * PostgreSQL both go in one statement, so one round trip, not two, for each revision.
     */
    public void recordApplied(Connection c, AppliedRevision row, String operation, Instant started, Instant finished,
            String user) throws SQLException {
        if (dialect.id() != DialectId.POSTGRESQL) {
            insert(c, row, Direction.UP);
            log(c, operation, row.id(), started, finished, true, null, user);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("WITH applied AS (" + insertSql() + ") " + logSql())) {
            int next = bindRow(ps, 0, row, Direction.UP);
            bindLog(ps, next, operation, row.id(), started, finished, true, null, user);
            ps.executeUpdate();
        }
    }

    /** Records a revision reverted in a transaction: its row deleted, a {@code graft_log} line; one statement on PostgreSQL. */
    public void recordReverted(Connection c, String id, String operation, Instant started, Instant finished,
            String user) throws SQLException {
        if (dialect.id() != DialectId.POSTGRESQL) {
            delete(c, id);
            log(c, operation, id, started, finished, true, null, user);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("WITH reverted AS (DELETE FROM " + revisions + " WHERE id = ?) "
                + logSql())) {
            ps.setString(1, id);
            bindLog(ps, 1, operation, id, started, finished, true, null, user);
            ps.executeUpdate();
        }
    }

    /**
     * The row's place in the order of application comes from the last {@link #read} (the run
     * holds the lock, so nothing else writes), else from a sub-select: without an index on it, a
     * sub-select per insert would make a long run quadratic.
     */
    private String insertSql() {
        String seq = nextSeq > 0 ? "?" : "(SELECT COALESCE(MAX(applied_seq), 0) + 1 FROM " + revisionsForSubquery() + ")";
        return "INSERT INTO " + revisions
                + " (id, parents, checksum, state, direction, statements_done, statements_total, failed_statement,"
                + " applied_seq, applied_at, applied_by, execution_ms, description)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + seq + ", ?, ?, ?, ?)";
    }

    /** Binds {@link #insertSql()}'s parameters after the first {@code before}; returns the last index bound. */
    private int bindRow(PreparedStatement ps, int before, AppliedRevision row, Direction direction) throws SQLException {
        int i = before;
        ps.setString(++i, row.id());
        ps.setString(++i, String.join(",", row.parents()));
        ps.setString(++i, row.checksum());
        ps.setString(++i, row.state().key());
        ps.setString(++i, direction.name().toLowerCase(java.util.Locale.ROOT));
        ps.setInt(++i, row.statementsDone());
        ps.setInt(++i, row.statementsTotal());
        ps.setString(++i, cut(row.failedStatement()));
        if (nextSeq > 0) {
            ps.setInt(++i, nextSeq++);
        }
        ps.setObject(++i, dialect.toDatabase(row.appliedAt()));
        ps.setString(++i, row.appliedBy());
        ps.setLong(++i, row.executionMs());
        ps.setString(++i, cut(row.description(), 1000));
        return i;
    }

    /** MySQL refuses a sub-select on the table being inserted into unless it is wrapped. */
    private String revisionsForSubquery() {
        return dialect.id() == DialectId.MYSQL
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
        try (PreparedStatement ps = c.prepareStatement(logSql())) {
            bindLog(ps, 0, operation, revisionId, started, finished, success, error, user);
            ps.executeUpdate();
        }
    }

    private String logSql() {
        return "INSERT INTO " + log + " (operation, revision_id, started_at, finished_at, outcome, error, applied_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    private void bindLog(PreparedStatement ps, int before, String operation, String revisionId, Instant started,
            Instant finished, boolean success, String error, String user) throws SQLException {
        ps.setString(before + 1, operation);
        ps.setString(before + 2, revisionId);
        ps.setObject(before + 3, dialect.toDatabase(started));
        ps.setObject(before + 4, finished == null ? null : dialect.toDatabase(finished));
        ps.setString(before + 5, success ? "success" : "failure");
        ps.setString(before + 6, error);
        ps.setString(before + 7, user);
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
