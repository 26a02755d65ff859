package io.graft.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The raw-JDBC floor: the least a migration tool must do for the generated project. One
 * connection; reads the history once; for each revision reads its file and its SHA-256 (an
 * applied one is checked against the history), and runs a pending one in its own transaction
 * with one history insert. No changelog, no graph, no lock, no parsing beyond the generator's
 * one-statement-per-line files.
 *
 * <p>{@code java io.graft.bench.Floor URL PROJECT_DIR N [--savepoints]}: with {@code --savepoints}
 * the whole run is one transaction and each revision a savepoint, the way Graft runs on SQLite
 * (one commit, so one sync, per run instead of per revision).
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path dir = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        boolean savepoints = args.length > 3 && args[3].equals("--savepoints");
        int applied = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS floor_revisions (id varchar(128) PRIMARY KEY,"
                        + " checksum char(64) NOT NULL, applied_at timestamp NOT NULL, execution_ms bigint NOT NULL)");
            }
            Map<String, String> history = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, checksum FROM floor_revisions")) {
                while (rs.next()) {
                    history.put(rs.getString(1), rs.getString(2));
                }
            }
            c.setAutoCommit(false);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (Statement run = c.createStatement();
                    PreparedStatement record = c.prepareStatement(
                            "INSERT INTO floor_revisions (id, checksum, applied_at, execution_ms) VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    String id = Shapes.revisionId(i);
                    byte[] bytes = Files.readAllBytes(dir.resolve("sql").resolve(id + ".up.sql"));
                    String checksum = HexFormat.of().formatHex(sha.digest(bytes));
                    String known = history.get(id);
                    if (known != null) {
                        if (!known.equals(checksum)) {
                            throw new IllegalStateException(id + " changed since it was applied");
                        }
                        continue;
                    }
                    long t0 = System.nanoTime();
                    java.sql.Savepoint savepoint = savepoints ? c.setSavepoint() : null;
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            run.execute(line.substring(0, line.lastIndexOf(';')));
                        }
                    }
                    record.setString(1, id);
                    record.setString(2, checksum);
                    record.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                    record.setLong(4, (System.nanoTime() - t0) / 1_000_000);
                    record.executeUpdate();
                    if (savepoint != null) {
                        c.releaseSavepoint(savepoint);
                    } else {
                        c.commit();
                    }
                    applied++;
                }
            }
            c.commit();
        }
        System.out.println("floor: applied " + applied + " of " + n);
    }
}
