package io.graft.internal.history;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.LogEntry;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.HistorySql;
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
 * transaction: the caller decides what a write belongs to. The statements are the dialect's
 * {@link HistorySql}, run with JDBC parameters.
 */
public final class HistoryStore {

    private static final int MAX_TEXT = 4000;

    private final Dialect dialect;
    private final HistoryTables tables;
    private final HistorySql sql;
    /** The {@code applied_seq} of the next row inserted, as of the last {@link #read}; 0 when unknown. */
    private int nextSeq;

    public HistoryStore(Dialect dialect, HistoryTables tables) {
        this.dialect = dialect;
        this.tables = tables;
        this.sql = dialect.historySql(tables);
    }

    public HistoryTables tables() {
        return tables;
    }

    public boolean exists(Connection c) throws SQLException {
        return dialect.historyExists(c, tables);
    }

    /**
     * Creates the tables when missing; call with the migration lock held. Both are checked: a run
     * killed between the two {@code CREATE}s (which commit one by one on MySQL) leaves only the first.
     */
    public void create(Connection c) throws SQLException {
        if (exists(c) && dialect.tableExists(c, tables, tables.logName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : sql.create()) {
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
        try (PreparedStatement ps = c.prepareStatement(sql.selectRevisions());
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
                        sql.instantFrom(rs, "applied_at"),
                        rs.getString("applied_by"),
                        rs.getLong("execution_ms"),
                        rs.getString("description"),
                        "down".equals(rs.getString("direction")) ? Direction.DOWN : Direction.UP));
            }
        }
        nextSeq = lastSeq + 1;
        return rows;
    }

    /** Inserts a row: {@code applied} for a finished revision or a stamp, {@code running} before a non-transactional one. */
    public void insert(Connection c, AppliedRevision row, Direction direction) throws SQLException {
        Parameters p = new Parameters();
        run(c, insertSql(p, row, direction), p);
    }

    /**
     * Records a revision applied in a transaction: its row and its {@code graft_log} line, in one
     * statement where the database can (one round trip, not two, for each revision).
     */
    public void recordApplied(Connection c, AppliedRevision row, String operation, Instant started, Instant finished,
            String user) throws SQLException {
        Parameters p = new Parameters();
        String insert = insertSql(p, row, Direction.UP);
        int logFrom = p.size();
        String logLine = sql.insertLog(p, operation, row.id(), started, finished, true, null, user);
        String one = sql.together("applied", insert, logLine).orElse(null);
        if (one != null) {
            run(c, one, p);
        } else {
            run(c, insert, p.upTo(logFrom));
            run(c, logLine, p.from(logFrom));
        }
    }

    /** Records a revision reverted in a transaction: its row deleted, a {@code graft_log} line; one statement where the database can. */
    public void recordReverted(Connection c, String id, String operation, Instant started, Instant finished,
            String user) throws SQLException {
        Parameters p = new Parameters();
        String delete = sql.deleteRevision(p, id);
        int logFrom = p.size();
        String logLine = sql.insertLog(p, operation, id, started, finished, true, null, user);
        String one = sql.together("reverted", delete, logLine).orElse(null);
        if (one != null) {
            run(c, one, p);
        } else {
            run(c, delete, p.upTo(logFrom));
            run(c, logLine, p.from(logFrom));
        }
    }

    /**
     * The statements of {@link #recordApplied} (after the old row's delete when {@code again}), with
     * the values written in as {@code literals}: for a revision sent to the database in one batch
     * with its statements.
     */
    public List<String> appliedStatements(HistorySql.Values literals, AppliedRevision row, boolean again,
            String operation, Instant started, String user) {
        List<String> statements = new ArrayList<>(3);
        if (again) {
            statements.add(sql.deleteRevision(literals, row.id()));
        }
        String insert = insertSql(literals, row, Direction.UP);
        String logLine = sql.insertLog(literals, operation, row.id(), started, row.appliedAt(), true, null, user);
        sql.together("applied", insert, logLine).ifPresentOrElse(statements::add, () -> {
            statements.add(insert);
            statements.add(logLine);
        });
        return statements;
    }

    /** The statements of {@link #recordReverted}, with the values written in as {@code literals}. */
    public List<String> revertedStatements(HistorySql.Values literals, String id, String operation, Instant started,
            Instant finished, String user) {
        String delete = sql.deleteRevision(literals, id);
        String logLine = sql.insertLog(literals, operation, id, started, finished, true, null, user);
        return sql.together("reverted", delete, logLine).map(List::of).orElseGet(() -> List.of(delete, logLine));
    }

    /**
     * The row's place in the order of application comes from the last {@link #read} (the run
     * holds the lock, so nothing else writes), else from a sub-select.
     */
    private String insertSql(HistorySql.Values p, AppliedRevision row, Direction direction) {
        AppliedRevision cut = new AppliedRevision(row.id(), row.parents(), row.checksum(), row.state(),
                row.statementsDone(), row.statementsTotal(), cut(row.failedStatement()), row.appliedAt(),
                row.appliedBy(), row.executionMs(), cut(row.description(), 1000), row.direction());
        return sql.insertRevision(p, cut, direction, nextSeq > 0 ? nextSeq++ : null);
    }

    /** Records progress of a running revision after each statement. */
    public void progress(Connection c, String id, int done) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.progress(p, id, done), p);
    }

    /** Marks a revision as running in {@code direction}, for a non-transactional downgrade. */
    public void markRunning(Connection c, String id, Direction direction, int total, Instant at) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.markRunning(p, id, direction, total, at), p);
    }

    /**
     * A running upgrade continues from statement {@code done + 1}: the failure is cleared, and the
     * file's current count and checksum recorded.
     */
    public void resumeRunning(Connection c, String id, int done, int total, String checksum) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.resumeRunning(p, id, done, total, checksum), p);
    }

    /** Records where a running revision stopped. */
    public void failed(Connection c, String id, int done, String where) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.failed(p, id, done, cut(where)), p);
    }

    /** Turns a row into {@code applied}, after a non-transactional run or a repair. */
    public void markApplied(Connection c, String id, int done, long executionMs, Instant at) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.markApplied(p, id, done, executionMs, at), p);
    }

    public void updateChecksum(Connection c, String id, String checksum) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.updateChecksum(p, id, checksum), p);
    }

    public void delete(Connection c, String id) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.deleteRevision(p, id), p);
    }

    public void deleteAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql.deleteAllRevisions());
        }
    }

    // ---------------------------------------------------------------- recorded schemas

    /** How many recorded schemas are kept: the newest, and a few before it for {@code graft drift} to explain. */
    static final int SCHEMAS_KEPT = 20;

    /**
     * A schema recorded after a run.
     *
     * @param revisions the revisions applied when it was recorded, sorted
     * @param hash the SHA-256 of the normalised model, in hex
     * @param model the model, compressed as the caller chose
     */
    public record SchemaRecord(int seq, Instant recordedAt, List<String> revisions, String hash, String model) {

        public SchemaRecord {
            revisions = List.copyOf(revisions);
        }

        /** Whether it was recorded with exactly {@code applied} applied (a stamp or repair since makes it stale). */
        public boolean standsFor(java.util.Collection<String> applied) {
            return revisions.equals(List.copyOf(new java.util.TreeSet<>(applied)));
        }
    }

    /**
     * Records the schema after a run (creating {@code graft_schema} when missing), keeping the
     * newest {@value #SCHEMAS_KEPT}; nothing here commits.
     */
    public void recordSchema(Connection c, java.util.Collection<String> applied, String hash, String model,
            Instant at) throws SQLException {
        // Not the newest record itself, which holds a whole model, nor a CREATE TABLE when the
        // table is there: both cost more than the question on a large schema.
        int seq = 1;
        if (!dialect.tableExists(c, tables, tables.schemaRecordsName())) {
            try (Statement s = c.createStatement()) {
                s.execute(sql.createSchemaRecords());
            }
        } else {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.selectLastSchemaRecordSeq())) {
                if (rs.next()) {
                    seq = rs.getInt(1) + 1;
                }
            }
        }
        Parameters p = new Parameters();
        run(c, sql.insertSchemaRecord(p, seq, at, String.join(",", new java.util.TreeSet<>(applied)), hash, model), p);
        if (seq > SCHEMAS_KEPT) {
            Parameters q = new Parameters();
            run(c, sql.pruneSchemaRecords(q, seq - SCHEMAS_KEPT + 1), q);
        }
    }

    /** The newest recorded schema; empty when none was recorded (or the table does not exist). */
    public java.util.Optional<SchemaRecord> latestSchema(Connection c) throws SQLException {
        if (!dialect.tableExists(c, tables, tables.schemaRecordsName())) {
            return java.util.Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(sql.selectSchemaRecords())) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                String revisions = rs.getString("revisions");
                return java.util.Optional.of(new SchemaRecord(rs.getInt("seq"), sql.instantFrom(rs, "recorded_at"),
                        revisions.isEmpty() ? List.of() : Arrays.asList(revisions.split(",")),
                        rs.getString("schema_hash").trim(), rs.getString("model")));
            }
        }
    }

    /** The outcomes {@code graft_log} records. */
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    /** The run was cancelled (Ctrl-C, SIGTERM, {@code Graft.cancel()}) during this revision. */
    public static final String INTERRUPTED = "interrupted";

    /** Appends to {@code graft_log}. */
    public void log(Connection c, String operation, String revisionId, Instant started, Instant finished,
            boolean success, String error, String user) throws SQLException {
        log(c, operation, revisionId, started, finished, success ? SUCCESS : FAILURE, error, user);
    }

    /** Appends to {@code graft_log} with one of the outcomes {@link #SUCCESS}, {@link #FAILURE}, {@link #INTERRUPTED}. */
    public void log(Connection c, String operation, String revisionId, Instant started, Instant finished,
            String outcome, String error, String user) throws SQLException {
        Parameters p = new Parameters();
        run(c, sql.insertLog(p, operation, revisionId, started, finished, outcome, error, user), p);
    }

    /** The newest {@code limit} log rows, newest first; empty when the table does not exist. */
    public List<LogEntry> readLog(Connection c, int limit) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<LogEntry> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.selectLog())) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LogEntry(rs.getLong("id"), rs.getString("operation"), rs.getString("revision_id"),
                            sql.instantFrom(rs, "started_at"), sql.instantFrom(rs, "finished_at"),
                            rs.getString("outcome"), rs.getString("error"), rs.getString("applied_by")));
                }
            }
        }
        return rows;
    }

    private static void run(Connection c, String statement, List<Parameters.Binding> bindings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < bindings.size(); i++) {
                bindings.get(i).bind(ps, i + 1);
            }
            ps.executeUpdate();
        }
    }

    private static void run(Connection c, String statement, Parameters p) throws SQLException {
        run(c, statement, p.upTo(p.size()));
    }

    private static String cut(String text) {
        return cut(text, MAX_TEXT);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Values as JDBC parameters: each a {@code ?} in the text, bound in order when the statement runs. */
    private final class Parameters implements HistorySql.Values {

        interface Binding {
            void bind(PreparedStatement ps, int index) throws SQLException;
        }

        private final List<Binding> bindings = new ArrayList<>();

        int size() {
            return bindings.size();
        }

        List<Binding> upTo(int end) {
            return bindings.subList(0, end);
        }

        List<Binding> from(int start) {
            return bindings.subList(start, bindings.size());
        }

        private String add(Binding binding) {
            bindings.add(binding);
            return "?";
        }

        @Override
        public String text(String value) {
            return add((ps, i) -> ps.setString(i, value));
        }

        @Override
        public String number(int value) {
            return add((ps, i) -> ps.setInt(i, value));
        }

        @Override
        public String number(long value) {
            return add((ps, i) -> ps.setLong(i, value));
        }

        @Override
        public String instant(Instant value) {
            Object converted = value == null ? null : sql.toDatabase(value);
            return add((ps, i) -> ps.setObject(i, converted));
        }

        @Override
        public String user(String value) {
            return text(value);
        }
    }
}
