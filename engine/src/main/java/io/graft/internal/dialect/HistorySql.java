package io.graft.internal.dialect;

import io.graft.AppliedRevision;
import io.graft.Direction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text of every statement Graft runs on its history tables (DESIGN §5), for one dialect and
 * one {@link HistoryTables}. Each statement is written once here; the values in it come from
 * {@link Values}: JDBC parameters for the live store ({@code HistoryStore}), literals for the
 * offline script ({@link ClientScript}).
 */
public final class HistorySql {

    /** How values enter a statement: a {@code ?} with a parameter bound, or a literal. */
    public interface Values {

        /** A string, or {@code NULL}. */
        String text(String value);

        String number(int value);

        String number(long value);

        /** A point in time (null for none); a script has the database's clock say when it runs. */
        String instant(Instant value);

        /** Who runs it; a script has the database say who runs it, where it can. */
        String user(String value);

        /** When a revision started; a batch that runs it has the database say (the start of its transaction). */
        default String started(Instant value) {
            return instant(value);
        }

        /** How long a revision took, in milliseconds; a batch that runs it has the database measure it. */
        default String elapsedMs(long value) {
            return number(value);
        }
    }

    /** Whether a row and its log line can be written by one statement. */
    enum Writes {
        /** One statement each. */
        SEPARATELY,
        /** One statement for both, through a data-modifying {@code WITH} (PostgreSQL). */
        TOGETHER
    }

    private final String revisions;
    private final String log;
    private final List<String> create;
    private final InstantColumn instants;
    private final String seqSource;
    private final Writes writes;
    private final String schemaRecords;
    private final String createSchemaRecords;

    /**
     * @param create the statements that create the tables, each idempotent ({@code IF NOT EXISTS})
     * @param seqSource what the sub-select that numbers a new row reads: the revisions table, or
     *     (MySQL, which refuses a sub-select on the table being inserted into) a wrapped one
     */
    HistorySql(Dialect dialect, HistoryTables tables, List<String> create, InstantColumn instants, String seqSource,
            Writes writes, String createSchemaRecords) {
        this.revisions = tables.revisions(dialect);
        this.log = tables.log(dialect);
        this.create = List.copyOf(create);
        this.instants = instants;
        this.seqSource = seqSource;
        this.writes = writes;
        this.schemaRecords = tables.schemaRecords(dialect);
        this.createSchemaRecords = createSchemaRecords;
    }

    /** The statements that create the history tables (and their schema), each idempotent. */
    public List<String> create() {
        return create;
    }

    /** Writes an instant the way the history columns hold it, for a JDBC parameter. */
    public Object toDatabase(Instant instant) {
        return instants.toDatabase(instant);
    }

    /** Reads an instant written by {@link #toDatabase(Instant)}. */
    public Instant instantFrom(ResultSet rs, String column) throws SQLException {
        return instants.read(rs, column);
    }

    /** Every row of the revisions table, in the order they were applied. */
    public String selectRevisions() {
        return "SELECT id, parents, checksum, state, statements_done, statements_total, failed_statement, applied_at,"
                + " applied_by, execution_ms, description, direction, applied_seq FROM " + revisions + " ORDER BY applied_seq, id";
    }

    /** The log, newest first. */
    public String selectLog() {
        return "SELECT id, operation, revision_id, started_at, finished_at, outcome, error, applied_by FROM " + log
                + " ORDER BY id DESC";
    }

    /**
     * Inserts a row. Its place in the order of application is {@code seq} when the caller knows
     * it, else the sub-select that counts the rows: without an index on it, a sub-select per
     * insert makes a long run quadratic.
     */
    public String insertRevision(Values v, AppliedRevision row, Direction direction, Integer seq) {
        return "INSERT INTO " + revisions
                + " (id, parents, checksum, state, direction, statements_done, statements_total, failed_statement,"
                + " applied_seq, applied_at, applied_by, execution_ms, description)"
                + " VALUES (" + v.text(row.id()) + ", " + v.text(String.join(",", row.parents())) + ", "
                + v.text(row.checksum()) + ", " + v.text(row.state().key()) + ", " + v.text(key(direction)) + ", "
                + v.number(row.statementsDone()) + ", " + v.number(row.statementsTotal()) + ", "
                + v.text(row.failedStatement()) + ", "
                + (seq != null ? v.number(seq) : "(SELECT COALESCE(MAX(applied_seq), 0) + 1 FROM " + seqSource + ")")
                + ", " + v.instant(row.appliedAt()) + ", " + v.user(row.appliedBy()) + ", "
                + v.elapsedMs(row.executionMs()) + ", " + v.text(row.description()) + ")";
    }

    /** Appends a line to the log. */
    public String insertLog(Values v, String operation, String revisionId, Instant started, Instant finished,
            boolean success, String error, String user) {
        return insertLog(v, operation, revisionId, started, finished, success ? "success" : "failure", error, user);
    }

    /** @param outcome {@code success}, {@code failure} or {@code interrupted} */
    public String insertLog(Values v, String operation, String revisionId, Instant started, Instant finished,
            String outcome, String error, String user) {
        return "INSERT INTO " + log + " (operation, revision_id, started_at, finished_at, outcome, error, applied_by)"
                + " VALUES (" + v.text(operation) + ", " + v.text(revisionId) + ", " + v.started(started) + ", "
                + v.instant(finished) + ", " + v.text(outcome) + ", " + v.text(error) + ", "
                + v.user(user) + ")";
    }

    /**
     * {@code first} and {@code then} as one statement, where the database can run two writes in
     * one (one round trip, not two, for each revision); empty where it cannot.
     */
    public Optional<String> together(String name, String first, String then) {
        return writes == Writes.TOGETHER
                ? Optional.of("WITH " + name + " AS (" + first + ") " + then)
                : Optional.empty();
    }

    public String deleteRevision(Values v, String id) {
        return "DELETE FROM " + revisions + " WHERE id = " + v.text(id);
    }

    public String deleteAllRevisions() {
        return "DELETE FROM " + revisions;
    }

    /** How many statements of a running revision completed. */
    public String progress(Values v, String id, int done) {
        return "UPDATE " + revisions + " SET statements_done = " + v.number(done) + " WHERE id = " + v.text(id);
    }

    /** Marks an applied revision as running in {@code direction}, for a non-transactional downgrade. */
    public String markRunning(Values v, String id, Direction direction, int total, Instant at) {
        return "UPDATE " + revisions + " SET state = 'running', direction = " + v.text(key(direction))
                + ", statements_done = 0, statements_total = " + v.number(total)
                + ", failed_statement = NULL, applied_at = " + v.instant(at) + " WHERE id = " + v.text(id);
    }

    /** A running upgrade resumed after {@code done} statements, with the file's current count and checksum. */
    public String resumeRunning(Values v, String id, int done, int total, String checksum) {
        return "UPDATE " + revisions + " SET statements_done = " + v.number(done) + ", statements_total = "
                + v.number(total) + ", checksum = " + v.text(checksum) + ", failed_statement = NULL WHERE id = "
                + v.text(id);
    }

    /** Where a running revision stopped. */
    public String failed(Values v, String id, int done, String where) {
        return "UPDATE " + revisions + " SET statements_done = " + v.number(done) + ", failed_statement = "
                + v.text(where) + " WHERE id = " + v.text(id);
    }

    /** Turns a row into {@code applied}, after a non-transactional run or a repair. */
    public String markApplied(Values v, String id, int done, long executionMs, Instant at) {
        return "UPDATE " + revisions + " SET state = 'applied', direction = 'up', statements_done = "
                + v.number(done) + ", failed_statement = NULL, execution_ms = " + v.number(executionMs)
                + ", applied_at = " + v.instant(at) + " WHERE id = " + v.text(id);
    }

    public String updateChecksum(Values v, String id, String checksum) {
        return "UPDATE " + revisions + " SET checksum = " + v.text(checksum) + " WHERE id = " + v.text(id);
    }

    /**
     * The offline script's {@link #markRunning}: the row was written by an earlier run, whose
     * failure and time it keeps.
     */
    public String scriptMarkRunning(Values v, String id, Direction direction, int total) {
        return "UPDATE " + revisions + " SET state = 'running', direction = " + v.text(key(direction))
                + ", statements_done = 0, statements_total = " + v.number(total) + " WHERE id = " + v.text(id);
    }

    /** The offline script's {@link #markApplied}: the row was inserted by the same script, counts included. */
    public String scriptMarkApplied(Values v, String id) {
        return "UPDATE " + revisions + " SET state = 'applied' WHERE id = " + v.text(id);
    }

    // ---------------------------------------------------------------- recorded schemas

    /**
     * Creates the table of recorded schemas when missing ({@code graft_schema}: a row per run that
     * changed the schema, with the applied revisions, the hash of the model and the model itself).
     */
    public String createSchemaRecords() {
        return createSchemaRecords;
    }

    public String insertSchemaRecord(Values v, int seq, Instant at, String revisions, String hash, String model) {
        return "INSERT INTO " + schemaRecords + " (seq, recorded_at, revisions, schema_hash, model) VALUES ("
                + v.number(seq) + ", " + v.instant(at) + ", " + v.text(revisions) + ", " + v.text(hash) + ", "
                + v.text(model) + ")";
    }

    /** The number of the newest recorded schema (null when none). */
    public String selectLastSchemaRecordSeq() {
        return "SELECT MAX(seq) FROM " + schemaRecords;
    }

    /** The newest recorded schema first; read one row. */
    public String selectSchemaRecords() {
        return "SELECT seq, recorded_at, revisions, schema_hash, model FROM " + schemaRecords + " ORDER BY seq DESC";
    }

    /** Forgets the records older than {@code seq}. */
    public String pruneSchemaRecords(Values v, int seq) {
        return "DELETE FROM " + schemaRecords + " WHERE seq < " + v.number(seq);
    }

    private static String key(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }
}
