package io.graft.internal.schema;

import io.graft.DatabaseUrlException;
import io.graft.Graft;
import io.graft.MigrationException;
import io.graft.SchemaChange;
import io.graft.SchemaDiffRequest;
import io.graft.SchemaDiffResult;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.DatabaseUrls;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code graft diff}: reads both sources into the model (building changelogs and SQL in scratch
 * databases), compares them and renders the changes.
 */
public final class DiffRun {

    private DiffRun() {
    }

    /** What a source argument names. */
    sealed interface Source permits DatabaseSource, ChangelogSource, SqlSource {
    }

    record DatabaseSource(DatabaseUrls.Parsed url) implements Source {
    }

    record ChangelogSource(Path changelog, String target) implements Source {
    }

    record SqlSource(Path path, List<Path> files) implements Source {
    }

    public static SchemaDiffResult run(SchemaDiffRequest request) {
        Path cwd = request.workingDir();
        Renames renames;
        try {
            renames = Renames.parse(request.renames());
        } catch (IllegalArgumentException e) {
            throw new DatabaseUrlException(e.getMessage(), List.of());
        }
        Source from = source(request.from(), cwd, "--from");
        Source to = source(request.to(), cwd, "--to");
        DialectId dialect = dialect(request, from, to);
        Schema a = read(from, dialect, request.devUrl());
        Schema b = read(to, dialect, request.devUrl());
        List<Change> changes = SchemaDiff.compare(a, b, renames);
        return new SchemaDiffResult(dialect, request.from(), request.to(), changes(changes),
                DiffScript.render(dialect, changes));
    }

    /** The changes as the API shows them. */
    public static List<SchemaChange> changes(List<Change> changes) {
        List<SchemaChange> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(new SchemaChange(c.kind().key(), c.subject(), c.destructive(), c.note(), c.comment(), c.statements()));
        }
        return out;
    }

    /**
     * The schema a source argument names ({@code option} is how errors name it): a database read,
     * a changelog or SQL files built on a scratch database of {@code dialect}.
     */
    public static Schema readSource(String text, Path cwd, String option, DialectId dialect, String devUrl) {
        Source source = source(text, cwd, option);
        if (source instanceof DatabaseSource d && d.url().dialect() != dialect) {
            throw new DatabaseUrlException(option + " is a " + d.url().dialect().key() + " database, but the diff is for "
                    + dialect.key(), List.of());
        }
        return read(source, dialect, devUrl);
    }

    /** The dialect of a source that is a database URL, or null for a changelog or SQL files. */
    public static DialectId databaseDialect(String text, Path cwd, String option) {
        return source(text, cwd, option) instanceof DatabaseSource d ? d.url().dialect() : null;
    }

    static Source source(String text, Path cwd, String option) {
        String s = text.strip();
        int at = s.lastIndexOf('@');
        if (at > 0) {
            Path changelog = cwd.resolve(s.substring(0, at));
            if (Files.isRegularFile(changelog) && isChangelog(changelog)) {
                return new ChangelogSource(changelog, s.substring(at + 1));
            }
        }
        Path path = null;
        if (!s.contains("://") && !s.regionMatches(true, 0, "jdbc:", 0, 5) && !s.regionMatches(true, 0, "sqlite:", 0, 7)) {
            try {
                path = cwd.resolve(s);
            } catch (java.nio.file.InvalidPathException e) {
                path = null;
            }
        }
        if (path != null && Files.isDirectory(path)) {
            Path changelog = path.resolve("changelog.yaml");
            if (Files.isRegularFile(changelog)) {
                return new ChangelogSource(changelog, null);
            }
            return new SqlSource(path, sqlFiles(path, option));
        }
        if (path != null && Files.isRegularFile(path)) {
            if (isChangelog(path)) {
                return new ChangelogSource(path, null);
            }
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                return new SqlSource(path, List.of(path));
            }
            throw new DatabaseUrlException(option + " " + s + " is neither a changelog (.yaml) nor an SQL file (.sql)",
                    List.of());
        }
        if (path != null) {
            throw new DatabaseUrlException(option + " " + s + ": no such file or folder, and not a database URL"
                    + " (accepted: " + DatabaseUrls.forms() + ")", DatabaseUrls.FORMS);
        }
        DatabaseUrls.Parsed url = DatabaseUrls.parse(s);
        if (url.dialect() == DialectId.SQLITE) {
            url = new DatabaseUrls.Parsed(url.dialect(), DatabaseUrls.resolveSqliteFile(url.jdbcUrl(), cwd), null, null);
            if (DatabaseUrls.sqliteFile(url.jdbcUrl()).filter(Files::exists).isEmpty()
                    && DatabaseUrls.sqliteFile(url.jdbcUrl()).isPresent()) {
                throw new DatabaseUrlException(option + ": the SQLite database "
                        + DatabaseUrls.sqliteFile(url.jdbcUrl()).get() + " does not exist", List.of());
            }
        }
        return new DatabaseSource(url);
    }

    private static boolean isChangelog(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Path> sqlFiles(Path dir, String option) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sql = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
            if (sql.isEmpty()) {
                throw new DatabaseUrlException(option + " " + dir + " holds no .sql file and no changelog.yaml", List.of());
            }
            return sql;
        } catch (IOException e) {
            throw new DatabaseUrlException(option + " " + dir + " cannot be read: " + e.getMessage(), List.of());
        }
    }

    private static DialectId dialect(SchemaDiffRequest request, Source from, Source to) {
        if (request.dialect() != null) {
            for (Source s : List.of(from, to)) {
                if (s instanceof DatabaseSource d && d.url().dialect() != request.dialect()) {
                    throw new DatabaseUrlException("--dialect " + request.dialect().key() + " but a source is a "
                            + d.url().dialect().key() + " database", List.of());
                }
            }
            return request.dialect();
        }
        DialectId found = null;
        for (Source s : List.of(from, to)) {
            if (s instanceof DatabaseSource d) {
                if (found != null && found != d.url().dialect()) {
                    throw new DatabaseUrlException("cannot compare a " + found.key() + " database with a "
                            + d.url().dialect().key() + " one", List.of());
                }
                found = d.url().dialect();
            }
        }
        if (found != null) {
            return found;
        }
        if (request.devUrl() != null) {
            return DatabaseUrls.parse(request.devUrl()).dialect();
        }
        return DialectId.SQLITE;
    }

    private static Schema read(Source source, DialectId dialect, String devUrl) {
        if (source instanceof DatabaseSource d) {
            try (Connection c = ScratchDatabase.connect(d.url().jdbcUrl(), d.url().user(), d.url().password())) {
                return SchemaReader.of(dialect).read(c, null);
            } catch (SQLException e) {
                throw new MigrationException("cannot read the schema of the " + dialect.key() + " database: "
                        + e.getMessage(), null, e.getSQLState(), e);
            }
        }
        try (ScratchDatabase scratch = ScratchDatabase.create(dialect, devUrl)) {
            if (source instanceof ChangelogSource c) {
                try (Graft graft = Graft.builder().changelog(c.changelog()).url(scratch.url, scratch.user,
                        scratch.password).build()) {
                    if (c.target() == null) {
                        graft.upgrade();
                    } else {
                        graft.upgrade(c.target());
                    }
                }
            } else if (source instanceof SqlSource s) {
                runSql(scratch, s.files());
            }
            try (Connection c = scratch.connect()) {
                return SchemaReader.of(dialect).read(c, null);
            } catch (SQLException e) {
                throw new MigrationException("cannot read the scratch database's schema: " + e.getMessage(), null,
                        e.getSQLState(), e);
            }
        }
    }

    private static void runSql(ScratchDatabase scratch, List<Path> files) {
        try (Connection c = scratch.connect(); Statement st = c.createStatement()) {
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new MigrationException(file + ": cannot be read as UTF-8: " + e.getMessage());
                }
                for (SqlStatement statement : SqlSplitter.split(text, file.toString(),
                        Dialects.of(scratch.dialect).splitOptions())) {
                    try {
                        st.execute(statement.sql());
                    } catch (SQLException e) {
                        SourceSpan at = statement.span();
                        throw new MigrationException(at + ": " + e.getMessage().strip()
                                + " (building the desired state in a scratch " + scratch.dialect.key()
                                + " database: fix the statement)", null, e.getSQLState(), at, e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to the scratch database: " + e.getMessage(), null,
                    e.getSQLState(), e);
        }
    }
}
