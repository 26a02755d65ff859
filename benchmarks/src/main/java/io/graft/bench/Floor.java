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
import java.util.List;
import java.util.HexFormat;
import java.util.Map;

/**
 * The raw-JDBC floor: the least a migration tool must do for the generated project. One
 * connection; reads the history once; for each revision reads its file and its SHA-256 (an
 * applied one is checked against the history), and runs a pending one in its own transaction
 * with one history insert. No changelog, no graph, no lock, no parsing: the statements' byte
 * ranges come from the generator ({@code floor.txt}, see {@link FloorInput}).
 *
 * <p>{@code java io.graft.bench.Floor URL PROJECT_DIR [--savepoints]}: with {@code --savepoints}
 * the whole run is one transaction and each revision a savepoint, the way Graft runs on SQLite
 * (one commit, so one sync, per run instead of per revision).
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path dir = Path.of(args[1]);
        List<String> manifest = Files.readAllLines(dir.resolve("floor.txt"));
        int n = manifest.size();
        boolean savepoints = args.length > 2 && args[2].equals("--savepoints");
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
                for (String line : manifest) {
                    String[] fields = line.split("\t", -1);
                    String id = fields[0];
                    byte[] bytes = Files.readAllBytes(dir.resolve(fields[1]));
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
                    for (String range : fields[2].isEmpty() ? new String[0] : fields[2].split(",")) {
                        int dash = range.indexOf('-');
                        int start = Integer.parseInt(range.substring(0, dash));
                        int end = Integer.parseInt(range.substring(dash + 1));
                        run.execute(new String(bytes, start, end - start, StandardCharsets.UTF_8));
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
