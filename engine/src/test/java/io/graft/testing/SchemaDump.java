package io.graft.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The schema of a test database as the database's own dump tool writes it: {@code pg_dump -s},
 * {@code sqlite3 .schema}, {@code mariadb-dump --no-data}, so that two databases built by different
 * tools can be compared as a DBA would compare them. Graft's tables ({@code graft_*}) and the
 * tables and schemas whose names start with one of the given prefixes (another tool's history:
 * {@code flyway_}, {@code databasechangelog}, {@code alembic_version}, ...) are left out, and so
 * is what differs between two databases of the same schema (the database's name, dump dates,
 * {@code AUTO_INCREMENT} counters, the blanks SQLite keeps before a statement's {@code ;}, the
 * order in which SQLite's objects were made).
 */
public final class SchemaDump {

    private SchemaDump() {
    }

    /** The dump of {@code db} without {@code graft_*} and without the objects named by {@code excludedPrefixes}. */
    public static String of(TestDatabase db, String... excludedPrefixes) {
        List<String> excluded = new ArrayList<>(List.of("graft_"));
        for (String p : excludedPrefixes) {
            excluded.add(p.toLowerCase(Locale.ROOT));
        }
        return switch (db.dialect()) {
            case POSTGRESQL -> postgres(db, excluded);
            case SQLITE -> sqlite(db, excluded);
            case MYSQL -> mysql(db, excluded);
        };
    }

    /**
     * The dumps of several PostgreSQL schemas of {@code db} from one {@code pg_dump -s} run, one per
     * schema, each schema's name written as {@code S}: schemas that hold the same objects dump the
     * same text. For tests that build many small schemas, where a run per schema would cost most.
     */
    public static Map<String, String> postgresSchemas(TestDatabase db, List<String> schemas) {
        URI uri = URI.create(db.url().substring("jdbc:".length()).replaceAll("\\?.*", ""));
        String database = uri.getPath().substring(1);
        List<String> command = new ArrayList<>(List.of(Clients.require("pg_dump", db.dialect()), "--schema-only",
                "--no-owner", "--no-privileges", "-h", uri.getHost(), "-p",
                String.valueOf(uri.getPort() > 0 ? uri.getPort() : 5432), "-U", db.user()));
        for (String schema : schemas) {
            command.add("--schema=" + quoted(schema));
        }
        command.add(database);
        Map<String, String> env = db.password() == null || db.password().isEmpty() ? Map.of()
                : Map.of("PGPASSWORD", db.password());
        Map<String, StringBuilder> out = new java.util.LinkedHashMap<>();
        schemas.forEach(s -> out.put(s, new StringBuilder()));
        // Each object's entry starts with a "-- Name: ...; Type: ...; Schema: ...;" header.
        java.util.regex.Pattern header = java.util.regex.Pattern.compile(
                "-- Name: (\\S+?)(?: .*?)?; Type: ([A-Z ]+); Schema: (\\S+?);");
        for (String entry : run(command, env).split("\n(?=--\n-- Name: )")) {
            java.util.regex.Matcher m = header.matcher(entry);
            if (!m.find()) {
                continue;
            }
            String schema = "SCHEMA".equals(m.group(2)) ? m.group(1) : m.group(3);
            StringBuilder into = out.get(schema);
            if (into != null) {
                // Settings, blank lines and comments between entries belong to no schema.
                StringBuilder text = new StringBuilder();
                for (String line : entry.split("\n")) {
                    if (!line.isBlank() && (!line.startsWith("--") || line.startsWith("-- Name: "))
                            && !line.matches("SET \\w+ = .*;") && !line.matches("\\\\(un)?restrict .*")) {
                        text.append(line).append('\n');
                    }
                }
                into.append(text.toString().replaceAll("\\b" + java.util.regex.Pattern.quote(schema) + "\\b", "S")).append("\n\n");
            }
        }
        Map<String, String> dumps = new java.util.LinkedHashMap<>();
        out.forEach((k, v) -> dumps.put(k, v.toString()));
        return dumps;
    }

    /**
     * The dumps of several MariaDB databases of the server of {@code db} from one
     * {@code mariadb-dump --no-data --databases} run, each database's name written as {@code DB}.
     * Inside a {@code CREATE TABLE} the keys and constraints are sorted: the server lists them in the
     * order they were made, which says nothing about the schema.
     */
    public static Map<String, String> mysqlDatabases(TestDatabase db, List<String> databases) {
        URI uri = URI.create(db.url().substring("jdbc:".length()).replaceAll("\\?.*", ""));
        List<String> command = new ArrayList<>(List.of(Clients.require("mariadb-dump", db.dialect()), "--no-data",
                "--skip-comments", "--skip-dump-date", "--protocol=TCP", "-h", uri.getHost(), "-P",
                String.valueOf(uri.getPort() > 0 ? uri.getPort() : 3306), "-u", db.user(), "--databases"));
        command.addAll(databases);
        Map<String, String> env = db.password() == null || db.password().isEmpty() ? Map.of()
                : Map.of("MYSQL_PWD", db.password());
        // Views come after every database's tables, each database's again after a USE line.
        Map<String, StringBuilder> texts = new java.util.LinkedHashMap<>();
        databases.forEach(d -> texts.put(d, new StringBuilder()));
        java.util.regex.Pattern switches = java.util.regex.Pattern.compile("^(?:CREATE DATABASE .*?|USE )`([^`]+)`");
        StringBuilder text = null;
        for (String line : run(command, env).split("\n")) {
            java.util.regex.Matcher m = switches.matcher(line);
            if (m.find()) {
                text = texts.get(m.group(1));
                if (line.startsWith("USE ")) {
                    continue;
                }
            }
            // Session settings (the dump's header and trailer, and around each table) belong to no database.
            if (text != null && !line.isBlank() && !line.matches("/\\*!\\d+ SET .*\\*/;")) {
                text.append(line).append('\n');
            }
        }
        Map<String, String> dumps = new java.util.LinkedHashMap<>();
        texts.forEach((name, t) -> dumps.put(name, sortKeys(t.toString().replace("`" + name + "`", "`DB`")
                .replaceAll(" AUTO_INCREMENT=\\d+", ""))));
        return dumps;
    }

    /** The key and constraint lines of each CREATE TABLE, sorted, without their commas. */
    private static String sortKeys(String dump) {
        StringBuilder out = new StringBuilder();
        List<String> keys = new ArrayList<>();
        for (String line : dump.split("\n", -1)) {
            String t = line.strip();
            boolean key = line.startsWith("  ") && (t.startsWith("KEY ") || t.startsWith("UNIQUE KEY ")
                    || t.startsWith("PRIMARY KEY ") || t.startsWith("CONSTRAINT ") || t.startsWith("FULLTEXT ")
                    || t.startsWith("SPATIAL "));
            if (key) {
                keys.add("  " + (t.endsWith(",") ? t.substring(0, t.length() - 1) : t));
                continue;
            }
            if (!keys.isEmpty()) {
                keys.sort(null);
                out.append(String.join("\n", keys)).append('\n');
                keys.clear();
            }
            out.append(line.endsWith(",") && t.startsWith("`") ? line.substring(0, line.length() - 1) : line)
                    .append('\n');
        }
        return out.toString();
    }

    /** {@code sqlite3 FILE .schema}, sorted as {@link #of} sorts it. */
    public static String sqliteFile(java.nio.file.Path file) {
        String dump = run(List.of(Clients.require("sqlite3", io.graft.changelog.DialectId.SQLITE), file.toString(),
                ".schema"), Map.of());
        List<String> statements = new ArrayList<>();
        for (String statement : dump.replace("\r\n", "\n").split(";\n")) {
            String s = statement.strip();
            if (!s.isEmpty() && !s.startsWith("CREATE TABLE sqlite_")) {
                statements.add(s + ";\n");
            }
        }
        statements.sort(null);
        return String.join("", statements);
    }

    private static boolean excluded(String name, List<String> prefixes) {
        String lower = name.toLowerCase(Locale.ROOT);
        return prefixes.stream().anyMatch(lower::startsWith);
    }

    private static String postgres(TestDatabase db, List<String> excluded) {
        URI uri = URI.create(db.url().substring("jdbc:".length()).replaceAll("\\?.*", ""));
        String database = uri.getPath().substring(1);
        List<String> command = new ArrayList<>(List.of(Clients.require("pg_dump", db.dialect()), "--schema-only",
                "--no-owner", "--no-privileges", "-h", uri.getHost(), "-p",
                String.valueOf(uri.getPort() > 0 ? uri.getPort() : 5432), "-U", db.user()));
        for (String[] object : names(db, "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
            if (excluded(object[1], excluded)) {
                command.add("--exclude-table=" + quoted(object[0]) + "." + quoted(object[1]));
            }
        }
        for (String[] schema : names(db, "SELECT nspname, nspname FROM pg_namespace")) {
            if (excluded(schema[0], excluded)) {
                command.add("--exclude-schema=" + quoted(schema[0]));
            }
        }
        command.add(database);
        Map<String, String> env = db.password() == null || db.password().isEmpty() ? Map.of()
                : Map.of("PGPASSWORD", db.password());
        StringBuilder out = new StringBuilder();
        for (String line : run(command, env).split("\n", -1)) {
            if (line.startsWith("\\restrict ") || line.startsWith("\\unrestrict ") || line.startsWith("-- Dumped ")) {
                continue;
            }
            out.append(line.replace(database, "DB")).append('\n');
        }
        return out.toString();
    }

    private static String sqlite(TestDatabase db, List<String> excluded) {
        String file = db.url().substring("jdbc:sqlite:".length()).replaceAll("\\?.*", "");
        String dump = run(List.of(Clients.require("sqlite3", db.dialect()), file, ".schema"), Map.of());
        // .schema writes each object's CREATE text as it was sent, each ending with ';' at a line's end,
        // in the order the objects were made, which two tools may choose differently: sorted here
        List<String> statements = new ArrayList<>();
        for (String statement : dump.replace("\r\n", "\n").split(";\n")) {
            String s = statement.strip();
            if (!s.isEmpty() && !s.startsWith("CREATE TABLE sqlite_") && !touches(s, excluded)) {
                statements.add(s + ";\n");
            }
        }
        statements.sort(null);
        return String.join("", statements);
    }

    /** Whether a {@code CREATE ...} statement creates or indexes an excluded object. */
    private static boolean touches(String statement, List<String> excluded) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)^CREATE\\s+(?:UNIQUE\\s+|TEMP\\s+|TEMPORARY\\s+"
                + "|VIRTUAL\\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`\\[]?(\\w+)"
                + "(?:.*?\\bON\\s+[\"`\\[]?(\\w+))?").matcher(statement);
        if (!m.find()) {
            return false;
        }
        return excluded(m.group(1), excluded) || (m.group(2) != null && excluded(m.group(2), excluded));
    }

    private static String mysql(TestDatabase db, List<String> excluded) {
        URI uri = URI.create(db.url().substring("jdbc:".length()).replaceAll("\\?.*", ""));
        String database = uri.getPath().substring(1);
        List<String> command = new ArrayList<>(List.of(Clients.require("mariadb-dump", db.dialect()), "--no-data",
                "--skip-comments", "--skip-dump-date", "--routines", "--triggers", "--events", "--protocol=TCP",
                "-h", uri.getHost(), "-P", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 3306), "-u", db.user()));
        for (String[] table : names(db, "SELECT table_name, table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE()")) {
            if (excluded(table[0], excluded)) {
                command.add("--ignore-table=" + database + "." + table[0]);
            }
        }
        command.add(database);
        Map<String, String> env = db.password() == null || db.password().isEmpty() ? Map.of()
                : Map.of("MYSQL_PWD", db.password());
        return run(command, env).replace(database, "DB").replaceAll(" AUTO_INCREMENT=\\d+", "");
    }

    private static List<String[]> names(TestDatabase db, String sql) {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot list the objects of " + db.url() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
            pb.environment().putAll(new HashMap<>(env));
            Process process = pb.start();
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + stderr);
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
