package io.graft.internal.importer;

import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A re-implementation, for the tests, of goose's apply loop (pressly/goose v3: {@code UpTo},
 * {@code Down}, {@code DownTo}, {@code EnsureDBVersion}, {@code runSQLMigration},
 * {@code sqlparser.ParseSQLMigration} and the dialects' queries), because goose is a Go program
 * that cannot be installed here. It does what goose does, step for step:
 * <ul>
 *   <li>the folder's {@code *.sql} files (not recursively) are migrations; the version is the
 *       number before the first {@code _} ({@code NumericComponent}), refused when missing or not
 *       above 0; a version twice is refused; versions are ordered as numbers;</li>
 *   <li>{@code EnsureDBVersion}: if reading {@code goose_db_version} fails, the table is created
 *       as each dialect creates it, with its first row {@code (version_id 0, is_applied true)},
 *       in one transaction; the current version is the newest row's (by {@code id}) whose version
 *       was last applied;</li>
 *   <li>up ({@code up}, {@code up-to V}): every row's version counts as applied; a file below the
 *       highest recorded version and not applied is a missing migration, refused (goose's default,
 *       without {@code -allow-missing}); the files above it, up to {@code V}, run in order;</li>
 *   <li>down: the current version's Down section runs and its rows are deleted
 *       ({@code DELETE ... WHERE version_id = ?}); {@code down-to V} repeats it while the current
 *       version is above {@code V};</li>
 *   <li>the parser: blank lines before Up skipped; an annotation is a line whose trimmed text
 *       starts with {@code --} and that holds {@code +goose}; leading blanks, a second
 *       {@code +goose}, an empty or unknown annotation are refused; annotations match in any case
 *       ({@code strings.EqualFold}); comments and empty lines before a statement are dropped; a
 *       statement ends at a line whose last word (before a word starting with {@code --}) ends
 *       in {@code ;}, except between {@code StatementBegin} and {@code StatementEnd}, which make
 *       one statement; statements are trimmed; an unfinished statement, a missing Up or
 *       StatementEnd are refused; {@code NO TRANSACTION} anywhere turns the transaction off;</li>
 *   <li>a migration with a transaction runs its statements one {@code ExecContext} each and then
 *       inserts {@code (version_id, is_applied) = (V, true)} (or deletes V's rows, down) in one
 *       transaction; with {@code NO TRANSACTION} each statement and then the row on their own;
 *       each statement is sent as {@link GoSql} says (pgx: a simple query; SQLite: all its
 *       statements; go-sql-driver/mysql without {@code multiStatements}, as goose's own binary
 *       connects: only {@code parseTime=true} is added to the DSN).</li>
 * </ul>
 * The parser is written again here from goose's source rather than taken from the importer's
 * {@link GooseParser}, so that the proof does not check the importer against itself.
 * Left out because the fixture does not use them: {@code ENVSUB ON} (refused here), Go
 * migrations, {@code -allow-missing}, {@code -no-versioning}, a table name other than the default,
 * goose's session locker, and the dialects other than PostgreSQL, SQLite and MySQL.
 */
final class GooseRunner {

    static final String TABLE = "goose_db_version";

    private static final List<String> ANNOTATIONS = List.of("Up", "Down", "StatementBegin", "StatementEnd",
            "NO TRANSACTION", "ENVSUB ON", "ENVSUB OFF");

    /** A file's statements for one direction, and whether they run in a transaction. */
    record Parsed(List<String> statements, boolean useTx) {
    }

    private final TestDatabase db;
    private final TreeMap<Long, Path> migrations = new TreeMap<>();

    GooseRunner(TestDatabase db, Path dir) throws IOException {
        this.db = db;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".sql")) {
                    continue;
                }
                long version = numericComponent(name);
                if (migrations.putIfAbsent(version, file) != null) {
                    throw new IllegalStateException("found duplicate migration version " + version);
                }
            }
        }
    }

    private static long numericComponent(String name) {
        int separator = name.indexOf('_');
        if (separator < 0) {
            throw new IllegalStateException(name + ": no filename separator '_' found");
        }
        long n = Long.parseLong(name.substring(0, separator));
        if (n <= 0) {
            throw new IllegalStateException(name + ": migration IDs must be greater than zero");
        }
        return n;
    }

    /** {@code goose up}. */
    void up() throws SQLException, IOException {
        upTo(Long.MAX_VALUE);
    }

    /** {@code goose up-to VERSION}. */
    void upTo(long target) throws SQLException, IOException {
        try (Connection c = GoSql.connect(db, false)) {
            ensureDbVersion(c);
            Set<Long> applied = new HashSet<>();
            long dbMax = 0;
            for (long[] row : listMigrations(c)) {
                applied.add(row[0]);
                dbMax = Math.max(dbMax, row[0]);
            }
            List<Long> missing = new ArrayList<>();
            for (long v : migrations.keySet()) {
                if (!applied.contains(v) && v < dbMax) {
                    missing.add(v);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("error: found " + missing.size() + " missing migrations before current"
                        + " version " + dbMax + ": " + missing);
            }
            for (var m : migrations.entrySet()) {
                if (!applied.contains(m.getKey()) && m.getKey() > dbMax && m.getKey() <= target) {
                    run(c, m.getKey(), m.getValue(), true);
                }
            }
        }
    }

    /** {@code goose down}: the current version's Down section. */
    void down() throws SQLException, IOException {
        try (Connection c = GoSql.connect(db, false)) {
            long current = ensureDbVersion(c);
            Path file = migrations.get(current);
            if (file == null) {
                throw new IllegalStateException("no migration " + current);
            }
            run(c, current, file, false);
        }
    }

    /** {@code goose down-to VERSION}. */
    void downTo(long target) throws SQLException, IOException {
        try (Connection c = GoSql.connect(db, false)) {
            while (true) {
                long current = ensureDbVersion(c);
                Path file = migrations.get(current);
                if (file == null || current <= target) {
                    return; // goose: "no migrations to run" once nothing above the target is applied
                }
                run(c, current, file, false);
            }
        }
    }

    /** The rows as goose's {@code ListMigrations} reads them: {@code (version_id, is_applied)}, newest id first. */
    private static List<long[]> listMigrations(Connection c) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version_id, is_applied from " + TABLE + " ORDER BY id DESC")) {
            while (rs.next()) {
                rows.add(new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0});
            }
        }
        return rows;
    }

    /** {@code EnsureDBVersion}: creates the table if reading it fails; the current version. */
    private long ensureDbVersion(Connection c) throws SQLException {
        List<long[]> rows;
        try {
            rows = listMigrations(c);
        } catch (SQLException missing) {
            createVersionTable(c);
            return 0;
        }
        Set<Long> skip = new HashSet<>();
        for (long[] row : rows) {
            if (skip.contains(row[0])) {
                continue;
            }
            if (row[1] == 1) {
                return row[0];
            }
            skip.add(row[0]);
        }
        throw new IllegalStateException("no next version found");
    }

    private void createVersionTable(Connection c) throws SQLException {
        String create = switch (db.dialect()) {
            case POSTGRESQL -> "CREATE TABLE " + TABLE + " (\n\t\tid integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,"
                    + "\n\t\tversion_id bigint NOT NULL,\n\t\tis_applied boolean NOT NULL,"
                    + "\n\t\ttstamp timestamp NOT NULL DEFAULT now()\n\t)";
            case SQLITE -> "CREATE TABLE " + TABLE + " (\n\t\tid INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + "\n\t\tversion_id INTEGER NOT NULL,\n\t\tis_applied INTEGER NOT NULL,"
                    + "\n\t\ttstamp TIMESTAMP DEFAULT (datetime('now'))\n\t)";
            case MYSQL -> "CREATE TABLE " + TABLE + " (\n\t\tid bigint(20) unsigned NOT NULL AUTO_INCREMENT,"
                    + "\n\t\tversion_id bigint NOT NULL,\n\t\tis_applied boolean NOT NULL,"
                    + "\n\t\ttstamp datetime NULL default CURRENT_TIMESTAMP,\n\t\tPRIMARY KEY(id)\n\t)";
        };
        GoSql.inTransaction(c, () -> {
            GoSql.exec(c, db.dialect(), create);
            insertVersion(c, 0);
        });
    }

    /** {@code runSQLMigration}: the section's statements and the row, in one transaction unless NO TRANSACTION. */
    private void run(Connection c, long version, Path file, boolean up) throws SQLException, IOException {
        Parsed parsed = parse(Files.readString(file, StandardCharsets.UTF_8), up);
        GoSql.Work work = () -> {
            for (String statement : parsed.statements()) {
                GoSql.exec(c, db.dialect(), statement);
            }
            if (up) {
                insertVersion(c, version);
            } else {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE version_id=?")) {
                    ps.setLong(1, version);
                    ps.executeUpdate();
                }
            }
        };
        if (parsed.useTx()) {
            GoSql.inTransaction(c, work);
        } else {
            work.run();
        }
    }

    private static void insertVersion(Connection c, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (version_id, is_applied)"
                + " VALUES (?, ?)")) {
            ps.setLong(1, version);
            ps.setBoolean(2, true);
            ps.executeUpdate();
        }
    }

    private enum State { START, UP, UP_BEGIN, UP_END, DOWN, DOWN_BEGIN, DOWN_END }

    /** {@code sqlparser.ParseSQLMigration}: the statements of one direction. */
    static Parsed parse(String text, boolean up) {
        State state = State.START;
        boolean useTx = true;
        List<String> statements = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        // bufio.Scanner's ScanLines: lines without their \n and a \r before it; no empty last line
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (String raw : lines) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (state == State.START && line.strip().isEmpty()) {
                continue;
            }
            if (line.strip().startsWith("--") && line.contains("+goose")) {
                String annotation = annotation(line);
                switch (annotation) {
                    case "Up" -> {
                        if (state != State.START) {
                            throw new IllegalStateException("duplicate '-- +goose Up' annotations");
                        }
                        state = State.UP;
                        continue;
                    }
                    case "Down" -> {
                        if (state != State.UP && state != State.UP_END) {
                            throw new IllegalStateException("must start with '-- +goose Up' annotation");
                        }
                        if (!buf.toString().strip().isEmpty()) {
                            throw new IllegalStateException("unexpected unfinished SQL query: " + buf.toString().strip());
                        }
                        state = State.DOWN;
                        continue;
                    }
                    case "StatementBegin" -> {
                        state = switch (state) {
                            case UP, UP_END -> State.UP_BEGIN;
                            case DOWN, DOWN_END -> State.DOWN_BEGIN;
                            default -> throw new IllegalStateException("'-- +goose StatementBegin' must be defined"
                                    + " after '-- +goose Up' or '-- +goose Down' annotation");
                        };
                        continue;
                    }
                    case "StatementEnd" -> state = switch (state) {
                        // no continue: goose goes on with this line, which closes the block below
                        case UP_BEGIN -> State.UP_END;
                        case DOWN_BEGIN -> State.DOWN_END;
                        default -> throw new IllegalStateException("'-- +goose StatementEnd' must be defined after"
                                + " '-- +goose StatementBegin'");
                    };
                    case "NO TRANSACTION" -> {
                        useTx = false;
                        continue;
                    }
                    case "ENVSUB OFF" -> {
                        continue;
                    }
                    default -> throw new IllegalStateException("ENVSUB is not re-implemented: " + line);
                }
            }
            if (buf.isEmpty() && (line.strip().startsWith("--") || line.isEmpty())) {
                continue;
            }
            if (state != State.UP_END && state != State.DOWN_END) {
                buf.append(line).append('\n');
            }
            boolean upSide = state == State.UP || state == State.UP_BEGIN || state == State.UP_END;
            boolean downSide = state == State.DOWN || state == State.DOWN_BEGIN || state == State.DOWN_END;
            if (!upSide && !downSide) {
                throw new IllegalStateException("failed to parse migration: unexpected state " + state + " on line "
                        + line);
            }
            if (upSide != up) {
                buf.setLength(0);
                continue;
            }
            switch (state) {
                case UP, DOWN -> {
                    if (endsWithSemicolon(line)) {
                        statements.add(buf.toString().strip());
                        buf.setLength(0);
                    }
                }
                case UP_END, DOWN_END -> {
                    statements.add(buf.toString().strip());
                    buf.setLength(0);
                    state = state == State.UP_END ? State.UP : State.DOWN;
                }
                default -> { }
            }
        }
        if (state == State.START) {
            throw new IllegalStateException("failed to parse migration: must start with '-- +goose Up' annotation");
        }
        if (state == State.UP_BEGIN || state == State.DOWN_BEGIN) {
            throw new IllegalStateException("failed to parse migration: missing '-- +goose StatementEnd' annotation");
        }
        if (!buf.toString().strip().isEmpty()) {
            throw new IllegalStateException("unexpected unfinished SQL query: " + buf.toString().strip());
        }
        return new Parsed(statements, useTx);
    }

    /** {@code extractAnnotation}: the annotation as goose spells it, matched in any case. */
    private static String annotation(String line) {
        if (line.startsWith(" ") || line.startsWith("\t")) {
            throw new IllegalStateException(line + " contains leading whitespace");
        }
        String cmd = line.replace("--", "").replaceFirst("\\+goose", "");
        if (cmd.contains("+goose")) {
            throw new IllegalStateException(line + " contains multiple '+goose' annotations");
        }
        cmd = cmd.strip();
        if (cmd.isEmpty()) {
            throw new IllegalStateException("empty annotation");
        }
        for (String known : ANNOTATIONS) {
            if (known.toLowerCase(Locale.ROOT).equals(cmd.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        throw new IllegalStateException(cmd + " not supported: invalid annotation");
    }

    /** {@code endsWithSemicolon}: the last word before one starting with {@code --} ends with {@code ;}. */
    private static boolean endsWithSemicolon(String line) {
        String prev = "";
        for (String word : line.strip().split("\\s+")) {
            if (word.startsWith("--")) {
                break;
            }
            prev = word;
        }
        return prev.endsWith(";");
    }

    /** goose's rows in {@code id} order, as {@code "version_id applied"}, for assertions. */
    static List<String> rows(TestDatabase db) {
        return db.query("SELECT version_id, is_applied FROM " + TABLE + " ORDER BY id").stream()
                .map(r -> ((Number) r.get("version_id")).longValue() + " " + (r.get("is_applied") instanceof Boolean b
                        ? b : ((Number) r.get("is_applied")).intValue() != 0)).toList();
    }
}
