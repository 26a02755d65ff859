package io.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated inputs of every benchmark: a migration project of N real revisions, a large graph
 * with branches and merges, and a large SQL file. Deterministic, so two runs measure the same work.
 */
public final class Shapes {

    private Shapes() {
    }

    /** Table name of revision {@code i} (1-based). */
    static String table(int i) {
        return String.format("bench_%05d", i);
    }

    static String revisionId(int i) {
        return String.format("r%05d", i);
    }

    /**
     * The statements of revision {@code i}: a table, an index, one 20-row insert; every tenth
     * revision also alters the previous table. One statement per line, each ending in {@code ;},
     * valid on PostgreSQL and SQLite alike.
     */
    static List<String> statements(int i) {
        return statements(i, 20);
    }

    /** The same with an insert of {@code rows} rows: 20 make a file of ≈0.7 KB, 150 of ≈4 KB. */
    static List<String> statements(int i, int rows) {
        List<String> s = new ArrayList<>(4);
        String t = table(i);
        s.add("CREATE TABLE " + t + " (id integer PRIMARY KEY, name varchar(64) NOT NULL, amount integer);");
        s.add("CREATE INDEX " + t + "_name ON " + t + " (name);");
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(t).append(" (id, name, amount) VALUES ");
        for (int row = 1; row <= rows; row++) {
            if (row > 1) {
                insert.append(", ");
            }
            insert.append('(').append(row).append(", 'name ").append(i).append('-').append(row).append("', ")
                    .append(row * i).append(')');
        }
        s.add(insert.append(';').toString());
        if (i % 10 == 0 && i > 1) {
            s.add("ALTER TABLE " + table(i - 1) + " ADD COLUMN note varchar(200);");
        }
        return s;
    }

    /** A linear project of {@code n} revisions in {@code dir}: {@code changelog.yaml} and {@code sql/}. */
    public static Path migrations(Path dir, int n) {
        return migrations(dir, n, 20);
    }

    /** The same with {@code rows} rows inserted by each revision, for larger files. */
    public static Path migrations(Path dir, int n, int rows) {
        try {
            Path sql = Files.createDirectories(dir.resolve("sql"));
            FloorInput floor = new FloorInput(dir);
            StringBuilder yaml = new StringBuilder("changelog: 1\nrevisions:\n");
            for (int i = 1; i <= n; i++) {
                String id = revisionId(i);
                FloorInput.SqlFile up = new FloorInput.SqlFile();
                for (String statement : statements(i, rows)) {
                    up.statement(statement).text("\n");
                }
                Files.writeString(sql.resolve(id + ".up.sql"), up.content());
                floor.revision(id, "sql/" + id + ".up.sql", up);
                Files.writeString(sql.resolve(id + ".down.sql"), "DROP TABLE " + table(i) + ";\n");
                yaml.append("  - id: ").append(id).append('\n')
                        .append("    parents: [").append(i == 1 ? "" : revisionId(i - 1)).append("]\n")
                        .append("    description: Create ").append(table(i)).append('\n')
                        .append("    up: sql/").append(id).append(".up.sql\n")
                        .append("    down: sql/").append(id).append(".down.sql\n");
            }
            Path changelog = dir.resolve("changelog.yaml");
            Files.writeString(changelog, yaml);
            floor.save();
            return changelog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A graph of {@code n} revisions, each with its own (tiny) up file: a trunk from which, every
     * 40 revisions, a labelled branch of 8 revisions forks and merges back two trunk revisions
     * later; every 500th revision depends_on one far back; the last {@code openBranches} branches
     * are left unmerged, so the graph has {@code openBranches + 1} heads.
     */
    public static Path graph(Path dir, int n, int openBranches) {
        try {
            Path sql = Files.createDirectories(dir.resolve("sql"));
            Path changelog = dir.resolve("changelog.yaml");
            try (Writer yaml = Files.newBufferedWriter(changelog, StandardCharsets.UTF_8)) {
                yaml.write("changelog: 1\nrevisions:\n");
                int written = 0;
                int branchNo = 0;
                String trunk = null;
                String pendingMerge = null; // head of a branch waiting to merge into the trunk
                int mergeAt = -1;
                while (written < n) {
                    // one trunk revision
                    String id = "t" + written;
                    List<String> parents = new ArrayList<>();
                    if (trunk != null) {
                        parents.add(trunk);
                    }
                    if (pendingMerge != null && written >= mergeAt) {
                        parents.add(pendingMerge);
                        pendingMerge = null;
                    }
                    String dependsOn = written % 500 == 499 ? "t" + (written - 400) : null;
                    revision(yaml, sql, id, parents, null, dependsOn);
                    written++;
                    trunk = id;
                    // every 40 trunk revisions, a branch of 8
                    if (written % 40 == 0 && written + 8 <= n) {
                        branchNo++;
                        String parent = trunk;
                        String label = "b" + branchNo;
                        for (int k = 0; k < 8 && written < n; k++) {
                            String bid = label + "_" + k;
                            revision(yaml, sql, bid, List.of(parent), k == 0 ? label : null, null);
                            parent = bid;
                            written++;
                        }
                        boolean open = written + 40L * openBranches > n;
                        if (!open) {
                            pendingMerge = parent;
                            mergeAt = written + 2;
                        }
                    }
                }
            }
            return changelog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void revision(Writer yaml, Path sql, String id, List<String> parents, String label,
            String dependsOn) throws IOException {
        yaml.write("  - id: " + id + "\n    parents: [" + String.join(", ", parents) + "]\n");
        if (label != null) {
            yaml.write("    labels: [" + label + "]\n");
        }
        if (dependsOn != null) {
            yaml.write("    depends_on: [" + dependsOn + "]\n");
        }
        yaml.write("    up: sql/" + id + ".sql\n");
        Files.writeString(sql.resolve(id + ".sql"), "CREATE TABLE " + id + " (id integer);\n");
    }

    /**
     * About {@code bytes} of PostgreSQL: plain DDL and DML, quoted strings with {@code ;} inside,
     * line and block comments, dollar-quoted function bodies.
     */
    public static String bigSql(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 4096);
        int i = 0;
        while (sb.length() < bytes) {
            switch (i % 5) {
                case 0 -> sb.append("CREATE TABLE t").append(i)
                        .append(" (id bigint PRIMARY KEY, name text NOT NULL, \"quoted;name\" integer);\n");
                case 1 -> sb.append("-- a comment; with a semicolon\nINSERT INTO t").append(i - 1)
                        .append(" (id, name) VALUES (1, 'it''s; fine'), (2, E'tab\\t;'), (3, 'plain');\n");
                case 2 -> sb.append("/* block /* nested; */ comment */ CREATE INDEX i").append(i).append(" ON t")
                        .append(i - 2).append(" (name);\n");
                case 3 -> sb.append("CREATE FUNCTION f").append(i).append("() RETURNS integer AS $body$\n")
                        .append("BEGIN\n  PERFORM 1; -- inside\n  RETURN 42;\nEND;\n$body$ LANGUAGE plpgsql;\n");
                default -> sb.append("UPDATE t").append(i - 4)
                        .append(" SET name = name || 'x' WHERE id > 10 AND name <> ';';\n");
            }
            i++;
        }
        return sb.toString();
    }
}
