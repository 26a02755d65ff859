package io.graft.bench;

import io.graft.changelog.DialectId;
import io.graft.internal.schema.Change;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaDiff;
import io.graft.internal.schema.SchemaReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The schema model at scale (issue 14, item 5): a PostgreSQL schema shaped like a real one is
 * created in a database of its own (dropped afterwards), then, in this JVM, its model is read from
 * the catalog and diffed, each several times after a warm-up; prints the medians against the
 * targets (read ≤ 2 s, diff ≤ 0.2 s for 1,000 tables) as one Markdown table.
 *
 * <p>The schema, the same for a given size and seed: tables of 4 to 16 columns of varied types
 * (integer, bigint, numeric, varchar, text, boolean, dates and times, jsonb, uuid, an enum), with
 * defaults, NOT NULL, an identity primary key, foreign keys to earlier tables (with actions), an
 * index on each foreign key, some unique and check constraints, some partial and expression
 * indexes, column comments, a view per 100 tables. The diff compares that model with the model
 * after a change of ~5% of the tables (columns added, dropped, retyped, an index and a table
 * added), and the model with itself.
 *
 * <pre>
 * java -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.SchemaBench
 *     [--tables 1000] [--reads 7] [--diffs 21] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]
 * </pre>
 */
public final class SchemaBench {

    static final double READ_TARGET_S = 2.0;
    static final double DIFF_TARGET_S = 0.2;

    /**
     * One figure: what, the median, min and max wall seconds over {@code runs}, the median CPU
     * seconds of the measuring thread (on a loaded machine the steadier figure), and the target.
     */
    record Row(String what, int runs, double median, double min, double max, double cpuMedian, double target) {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final int tables;
    private final int reads;
    private final int diffs;
    private final String pgUrl;

    private SchemaBench(int tables, int reads, int diffs, String pgUrl) {
        this.tables = tables;
        this.reads = reads;
        this.diffs = diffs;
        this.pgUrl = pgUrl;
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = rowsOf(args);
        System.out.println(table(rows));
    }

    static List<Row> rowsOf(String... args) throws Exception {
        int tables = 1000;
        int reads = 7;
        int diffs = 21;
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tables" -> tables = Integer.parseInt(args[++i]);
                case "--reads" -> reads = Integer.parseInt(args[++i]);
                case "--diffs" -> diffs = Integer.parseInt(args[++i]);
                case "--pg-url" -> url = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --tables N, --reads N, --diffs N, --pg-url URL)");
            }
        }
        return new SchemaBench(tables, reads, diffs, url).run();
    }

    private List<Row> run() throws Exception {
        String database = "graft_schema_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute(pgUrl, "CREATE DATABASE " + database);
        try {
            String url = pgUrl.replaceFirst("(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + database);
            return measure(url);
        } finally {
            execute(pgUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private List<Row> measure(String url) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String sql : schema(tables)) {
                    s.execute(sql);
                }
            }
            System.err.printf(Locale.ROOT, "created %d tables in %.1f s%n", tables, seconds(start));
            SchemaReader reader = SchemaReader.of(DialectId.POSTGRESQL);
            Schema a = reader.read(c, null);
            reader.read(c, null);
            double[][] readTimes = new double[2][reads];
            Schema[] last = new Schema[1];
            for (int i = 0; i < reads; i++) {
                long t = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                last[0] = reader.read(c, null);
                readTimes[0][i] = seconds(t);
                readTimes[1][i] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            }
            a = last[0];
            rows.add(row("read the model (" + a.tables().size() + " tables, " + a.views().size() + " views)",
                    readTimes, READ_TARGET_S));

            try (Statement s = c.createStatement()) {
                for (String sql : changes(tables)) {
                    s.execute(sql);
                }
            }
            Schema b = reader.read(c, null);
            long cold = System.nanoTime();
            long coldCpu = THREADS.getCurrentThreadCpuTime();
            List<Change> changes = SchemaDiff.compare(a, b);
            rows.add(row("diff, the first in this JVM (as one `graft diff` run does it)",
                    new double[][] {{seconds(cold)}, {(THREADS.getCurrentThreadCpuTime() - coldCpu) / 1e9}},
                    DIFF_TARGET_S));
            Schema from = a;
            rows.add(row("diff (" + changes.size() + " changes)", time(() -> SchemaDiff.compare(from, b)), DIFF_TARGET_S));
            rows.add(row("diff with itself (0 changes)", time(() -> SchemaDiff.compare(from, from)), DIFF_TARGET_S));
        }
        return rows;
    }

    /** Wall and CPU seconds of {@code diffs} runs after three not counted. */
    private double[][] time(Runnable diff) {
        for (int i = 0; i < 3; i++) {
            diff.run();
        }
        double[][] times = new double[2][diffs];
        for (int i = 0; i < diffs; i++) {
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            diff.run();
            times[0][i] = seconds(t);
            times[1][i] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        }
        return times;
    }

    private static Row row(String what, double[][] times, double target) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double t : times[0]) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return new Row(what, times[0].length, WholeRun.median(times[0]), min, max, WholeRun.median(times[1]), target);
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("| measure | runs | median (wall) | min – max | median CPU | target | |\n"
                + "|---|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.3f s | %.3f – %.3f s | %.3f s | ≤ %.1f s | %s |%n",
                    r.what(), r.runs(), r.median(), r.min(), r.max(), r.cpuMedian(), r.target(),
                    r.median() <= r.target() ? "met" : "MISSED"));
        }
        return out.toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static final String[] TYPES = {"integer", "bigint", "numeric(12,2)", "varchar(80)", "varchar(255)", "text",
        "boolean", "date", "timestamptz", "timestamp", "jsonb", "uuid", "status", "smallint", "double precision"};

    /** The DDL of the schema: the same statements for the same size. */
    static List<String> schema(int tables) {
        Random random = new Random(14);
        List<String> out = new ArrayList<>();
        out.add("CREATE TYPE status AS ENUM ('new', 'active', 'archived')");
        for (int t = 1; t <= tables; t++) {
            String name = table(t);
            StringBuilder ddl = new StringBuilder("CREATE TABLE " + name + " (\n  id bigint GENERATED BY DEFAULT AS"
                    + " IDENTITY PRIMARY KEY");
            int parent = t > 1 && random.nextInt(10) < 7 ? 1 + random.nextInt(t - 1) : 0;
            if (parent > 0) {
                ddl.append(",\n  ").append(table(parent)).append("_id bigint NOT NULL REFERENCES ")
                        .append(table(parent)).append(random.nextBoolean() ? " ON DELETE CASCADE" : "");
            }
            int columns = 3 + random.nextInt(13);
            for (int c = 1; c <= columns; c++) {
                String type = TYPES[random.nextInt(TYPES.length)];
                ddl.append(",\n  c").append(c).append(' ').append(type);
                if (random.nextInt(3) == 0) {
                    ddl.append(" NOT NULL").append(defaultFor(type));
                }
            }
            ddl.append(",\n  created_at timestamptz NOT NULL DEFAULT now()");
            if (random.nextInt(5) == 0) {
                ddl.append(",\n  code varchar(40) UNIQUE");
            }
            if (random.nextInt(6) == 0) {
                ddl.append(",\n  qty integer CHECK (qty >= 0)");
            }
            out.add(ddl.append("\n)").toString());
            if (parent > 0) {
                out.add("CREATE INDEX " + name + "_parent ON " + name + " (" + table(parent) + "_id)");
            }
            out.add("CREATE INDEX " + name + "_created ON " + name + " (created_at)");
            if (random.nextInt(8) == 0) {
                out.add("CREATE INDEX " + name + "_recent ON " + name + " (created_at) WHERE created_at > '2020-01-01'");
            }
            if (random.nextInt(10) == 0) {
                out.add("CREATE INDEX " + name + "_bucket ON " + name + " ((id % 16), created_at DESC)");
            }
            if (random.nextInt(4) == 0) {
                out.add("COMMENT ON COLUMN " + name + ".created_at IS 'when the row was made'");
            }
        }
        for (int v = 1; v * 100 <= tables || v == 1 && tables >= 2; v++) {
            int t = Math.min(tables, v * 100);
            out.add("CREATE VIEW v" + v + " AS SELECT a.id, a.created_at, b.id AS other_id FROM " + table(t) + " a JOIN "
                    + table(1) + " b ON b.id = a.id");
        }
        return out;
    }

    /** A change of about one table in twenty. */
    static List<String> changes(int tables) {
        List<String> out = new ArrayList<>();
        for (int t = 1; t <= tables; t += 20) {
            String name = table(t);
            out.add("ALTER TABLE " + name + " ADD COLUMN note varchar(200)");
            out.add("ALTER TABLE " + name + " ALTER COLUMN created_at DROP DEFAULT");
            out.add("DROP INDEX " + name + "_created");
            out.add("CREATE INDEX " + name + "_created2 ON " + name + " (created_at, id)");
        }
        out.add("CREATE TABLE added_later (id bigint PRIMARY KEY, t1_id bigint REFERENCES " + table(1) + ")");
        return out;
    }

    private static String defaultFor(String type) {
        return switch (type) {
            case "integer", "bigint", "smallint", "numeric(12,2)", "double precision" -> " DEFAULT 0";
            case "varchar(80)", "varchar(255)", "text" -> " DEFAULT ''";
            case "boolean" -> " DEFAULT false";
            case "date" -> " DEFAULT CURRENT_DATE";
            case "timestamptz", "timestamp" -> " DEFAULT now()";
            case "jsonb" -> " DEFAULT '{}'::jsonb";
            case "uuid" -> " DEFAULT gen_random_uuid()";
            case "status" -> " DEFAULT 'new'";
            default -> "";
        };
    }

    private static String table(int t) {
        return String.format(Locale.ROOT, "t%04d", t);
    }
}
