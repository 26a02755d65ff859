package io.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated project shaped like the changelogs users write, beside {@link Shapes#migrations}'s
 * uniform one: the changelog {@code graft init} writes (its comments) with entries as
 * {@code graft new -m MSG} appends them (timestamp ids with a slug, quoted descriptions, each SQL
 * file starting with its {@code -- ID: MSG} line), a down file for every revision, up files of
 * 1-10 KB (tables of several columns, indexes, inserts, views, comments, strings with {@code ;}
 * and {@code --} in them, non-ASCII text, functions with dollar quotes on PostgreSQL and
 * triggers on SQLite), a squashed first revision of ≈1 MB and a data load of ≈400 KB, and
 * feature branches (a labelled branch of two revisions beside a trunk revision, then a merge)
 * every 100 revisions. Deterministic; one project per dialect, the same shape on each.
 */
public final class RealProject {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final LocalDateTime START = LocalDateTime.of(2023, 3, 1, 9, 0, 0);

    private final Path dir;
    private final String dialect;
    private final boolean postgres;
    private final StringBuilder yaml = new StringBuilder();
    private final FloorInput floor;
    private int written;
    private long sqlBytes;
    /** The revision that is a data load, and its size ({@link #dataLoad}); by default revision 500, 400 KB. */
    private int dataLoadAt = 500;
    private int dataLoadKb = 400;

    private RealProject(Path dir, String dialect) {
        this.dir = dir;
        this.dialect = dialect;
        this.postgres = dialect.equals("postgresql");
        this.floor = new FloorInput(dir);
    }

    /** Writes {@code n} revisions for {@code dialect} (sqlite or postgresql) into {@code dir}; returns the changelog. */
    public static Path write(Path dir, int n, String dialect) {
        if (!dialect.equals("sqlite") && !dialect.equals("postgresql")) {
            throw new IllegalArgumentException("the real-project shape is generated for sqlite and postgresql, not " + dialect);
        }
        try {
            Files.createDirectories(dir.resolve("sql"));
            return new RealProject(dir, dialect).generate(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A project of {@code n} revisions of this shape whose last one is a data load of about
     * {@code megabytes} MB: multi-row inserts with non-ASCII text and, every hundred statements, a
     * string literal of 20 KB; on PostgreSQL also dollar-quoted functions and a
     * {@code COPY ... FROM stdin} block of a twentieth of the file. For measuring a run's memory.
     */
    public static Path dataLoad(Path dir, int n, int megabytes, String dialect) {
        try {
            Files.createDirectories(dir.resolve("sql"));
            RealProject project = new RealProject(dir, dialect);
            project.dataLoadAt = n;
            project.dataLoadKb = megabytes * 1024;
            return project.generate(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path generate(int n) throws IOException {
        yaml.append("""
                # Graft changelog, format 1: one entry per revision, in authoring order.
                # Paths are relative to this file's folder. Run 'graft validate' after editing.
                changelog: 1

                # dialects: [postgresql, sqlite]   # optional: every revision must run on each of these

                # Each revision is an entry of the list below, for example ('graft new -m MSG' writes them):
                #
                #   - id: 0001_create_users          # letters, digits, _ and . only
                #     parents: []                    # [] for the first revision; two or more for a merge
                #     description: Create users
                #     up: sql/0001_create_users.up.sql
                #     down: sql/0001_create_users.down.sql   # optional: without it, irreversible
                revisions:
                """);
        String trunk = null;
        int feature = 0;
        while (written < n) {
            int i = written + 1;
            if (i % 100 == 50 && written + 4 <= n && trunk != null) {
                feature++;
                String label = "feature_" + feature;
                String b1 = revision(i, List.of(trunk), label, "Start " + label.replace('_', ' ') + ": accounts table");
                String t = revision(i + 1, List.of(trunk), null, "Add audit columns to table " + table(i - 1));
                String b2 = revision(i + 2, List.of(b1), null, "Finish " + label.replace('_', ' ') + ": backfill");
                trunk = revision(i + 3, List.of(t, b2), null, "Merge " + label.replace('_', ' '));
            } else {
                trunk = revision(i, trunk == null ? List.of() : List.of(trunk), null, message(i));
            }
        }
        Path changelog = dir.resolve("changelog.yaml");
        Files.writeString(changelog, yaml);
        floor.save();
        return changelog;
    }

    /** Total bytes of the up files written. */
    long sqlBytes() {
        return sqlBytes;
    }

    private static String message(int i) {
        return switch (i % 6) {
            case 0 -> "Create table " + table(i) + " for orders";
            case 1 -> "Add " + table(i) + " with an index on name";
            case 2 -> "Customer notes (v" + i + ")";
            case 3 -> "Create " + table(i) + "; keep history";
            case 4 -> "Report view for " + table(i);
            default -> "Add reference data: " + table(i);
        };
    }

    static String table(int i) {
        return String.format(Locale.ROOT, "t%05d", i);
    }

    private String revision(int i, List<String> parents, String label, String message) throws IOException {
        String id = TIMESTAMP.format(START.plusMinutes(37L * i)) + "_" + slug(message);
        FloorInput.SqlFile up = new FloorInput.SqlFile().text("-- " + id + ": " + message + "\n");
        StringBuilder down = new StringBuilder("-- " + id + ": " + message + "\n");
        if (i == 1) {
            squashedBaseline(up, down);
        } else {
            int kb = i * 7 % 10 + 1;
            if (i == dataLoadAt) {
                kb = dataLoadKb;
            } else if (i % 250 == 0) {
                kb = 100;
            }
            revisionBody(i, kb, up, down);
        }
        Files.writeString(dir.resolve("sql/" + id + ".up.sql"), up.content());
        Files.writeString(dir.resolve("sql/" + id + ".down.sql"), down);
        sqlBytes += up.size();
        floor.revision(id, "sql/" + id + ".up.sql", up);
        yaml.append("  - id: ").append(id).append('\n')
                .append("    parents: [").append(String.join(", ", parents)).append("]\n")
                .append("    description: \"").append(message).append("\"\n");
        if (label != null) {
            yaml.append("    labels: [").append(label).append("]\n");
        }
        yaml.append("    up: sql/").append(id).append(".up.sql\n")
                .append("    down: sql/").append(id).append(".down.sql\n");
        written++;
        return id;
    }

    private static String slug(String message) {
        String s = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.length() > 50 ? s.substring(0, 50).replaceAll("_+$", "") : s;
    }

    /** A table, its index, rows up to about {@code kb} KB, and every few revisions a view and a function or trigger. */
    private void revisionBody(int i, int kb, FloorInput.SqlFile up, StringBuilder down) {
        String t = table(i);
        up.text("\n-- The table and what reads it.\n");
        up.statement(createTable(t)).text("\n\n");
        up.statement("CREATE INDEX " + t + "_name ON " + t + " (name, created_at);").text("\n");
        if (i % 4 == 0) {
            up.text("/* A view for the reports; its ';' inside a comment is not a statement end. */\n");
            up.statement("CREATE VIEW " + t + "_recent AS SELECT id, name, amount FROM " + t
                    + " WHERE note <> '--not a comment;' AND amount > 10;").text("\n");
            down.append("DROP VIEW ").append(t).append("_recent;\n");
        }
        if (i % 5 == 0) {
            up.text("\n");
            up.statement(routine(i, t)).text("\n");
            down.append(postgres ? "DROP FUNCTION " + t + "_touch();\n" : "DROP TRIGGER " + t + "_touch;\n");
        }
        long target = kb * 1024L;
        boolean large = kb > 1024;
        int row = 1;
        for (int statement = 1; up.size() < target; statement++) {
            if (large && statement % 100 == 0) {
                up.statement("INSERT INTO " + t + " (id, name, note) VALUES (" + row++ + ", 'long note', '"
                        + "a long note; with -- and /* inside, it''s text. ".repeat(400) + "');").text("\n");
            }
            if (large && postgres && statement % 500 == 0) {
                up.statement(routine(statement, t).replace(t + "_touch()", t + "_touch" + statement + "()")).text("\n");
            }
            if (large && postgres && statement == 2000) {
                row = copyBlock(t, row, target / 20, up);
            }
            StringBuilder insert = new StringBuilder("INSERT INTO ").append(t)
                    .append(" (id, name, amount, note, created_at) VALUES\n");
            for (int k = 0; k < 20; k++, row++) {
                insert.append(k == 0 ? "  " : ",\n  ").append('(').append(row).append(", 'client ").append(i)
                        .append('-').append(row).append(row % 9 == 0 ? " café; déjà vu" : "").append("', ")
                        .append(row * 13 % 1000).append(", 'it''s row ").append(row).append("', '2024-01-")
                        .append(String.format(Locale.ROOT, "%02d", row % 28 + 1)).append(" 10:00:00')");
            }
            up.statement(insert.append(';').toString()).text("\n");
        }
        down.append("DROP TABLE ").append(t).append(";\n");
    }

    /** psql's inline data: {@code COPY t FROM stdin;}, tab-separated lines up to about {@code bytes}, then {@code \.}. */
    private static int copyBlock(String t, int row, long bytes, FloorInput.SqlFile up) {
        up.statement("COPY " + t + " (id, name, amount, note, created_at) FROM stdin;").text("\n");
        StringBuilder data = new StringBuilder();
        long end = up.size() + bytes;
        while (up.size() + data.length() < end) {
            data.append(row).append("\tcopied ").append(row).append(row % 9 == 0 ? " caf\u00e9" : "").append('\t')
                    .append(row * 7 % 1000).append("\tnote\\twith a tab; row ").append(row).append("\t2024-02-01 10:00:00\n");
            row++;
        }
        up.text(data.append("\\.\n").toString());
        return row;
    }

    private String createTable(String t) {
        return "CREATE TABLE " + t + " (\n"
                + "  id integer PRIMARY KEY,\n"
                + "  name varchar(120) NOT NULL,          -- shown in lists\n"
                + "  amount integer NOT NULL DEFAULT 0,\n"
                + "  note text,\n"
                + "  status varchar(16) NOT NULL DEFAULT 'new',\n"
                + "  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                + "  updated_at timestamp\n"
                + ");";
    }

    /** PostgreSQL: a plpgsql function in dollar quotes; SQLite: a trigger with a BEGIN ... END body. */
    private String routine(int i, String t) {
        if (postgres) {
            String tag = i % 10 == 0 ? "$body$" : "$$";
            return "CREATE FUNCTION " + t + "_touch() RETURNS trigger AS " + tag + "\n"
                    + "BEGIN\n"
                    + "  -- keeps updated_at current; a ';' here is inside the body\n"
                    + "  NEW.updated_at := now();\n"
                    + "  IF NEW.note IS NULL THEN NEW.note := 'touched; $x$ is text'; END IF;\n"
                    + "  RETURN NEW;\n"
                    + "END;\n"
                    + tag + " LANGUAGE plpgsql;";
        }
        return "CREATE TRIGGER " + t + "_touch AFTER UPDATE ON " + t + "\n"
                + "BEGIN\n"
                + "  UPDATE " + t + " SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;\n"
                + "  UPDATE " + t + " SET note = 'touched; -- twice' WHERE id = NEW.id AND note IS NULL;\n"
                + "END;";
    }

    /** The first revision of a squashed project: ≈1 MB of tables, routines and reference data. */
    private void squashedBaseline(FloorInput.SqlFile up, StringBuilder down) {
        up.text("-- Squashed baseline of the schema as it stood before this changelog.\n");
        for (int k = 0; up.size() < 1024 * 1024; k++) {
            String t = "base_" + String.format(Locale.ROOT, "%04d", k);
            up.text("\n");
            up.statement(createTable(t)).text("\n");
            up.statement("CREATE INDEX " + t + "_status ON " + t + " (status);").text("\n");
            if (k % 3 == 0) {
                up.statement(routine(k, t)).text("\n");
            }
            StringBuilder insert = new StringBuilder("INSERT INTO ").append(t).append(" (id, name, amount) VALUES ");
            for (int r = 1; r <= 40; r++) {
                insert.append(r == 1 ? "" : ", ").append('(').append(r).append(", 'ref ").append(k).append('-')
                        .append(r).append("', ").append(r * k).append(')');
            }
            up.statement(insert.append(';').toString()).text("\n");
            down.append("DROP TABLE ").append(t).append(";\n");
        }
    }

    @Override
    public String toString() {
        return "real project (" + dialect + ")";
    }
}
