package io.graft;

import io.graft.changelog.DialectId;
import io.graft.internal.dialect.DatabaseUrls;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database URL, read once: a JDBC URL ({@code jdbc:postgresql://db/app}, {@code
 * jdbc:mysql://db:3306/app}, {@code jdbc:mariadb:...}, {@code jdbc:sqlite:app.db}) or one of the
 * URLs libpq and SQLAlchemy take, as Alembic's {@code sqlalchemy.url} holds them ({@code
 * postgresql://app:secret@db:5432/app?sslmode=require}, {@code postgres://...}, {@code
 * mysql+pymysql://...}, {@code mariadb://...}, {@code sqlite:///relative.db}, {@code
 * sqlite:////absolute.db}). {@link Graft.Builder#url(String)} reads URLs with it; the command line
 * reads them with it before anything else, so that a bad URL is reported first.
 *
 * <p>User and password in the URL are percent-decoded and kept apart from {@link #jdbcUrl()},
 * which therefore holds no user info; {@link #toString()} never shows a password.
 */
public final class DatabaseUrl {

    private final DialectId dialect;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private DatabaseUrl(DialectId dialect, String jdbcUrl, String user, String password) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Reads {@code url}; throws {@link DatabaseUrlException} (one line, no password) when Graft cannot use it. */
    public static DatabaseUrl parse(String url) {
        DatabaseUrls.Parsed p = DatabaseUrls.parse(url);
        return new DatabaseUrl(p.dialect(), p.jdbcUrl(), p.user(), p.password());
    }

    /** The forms of URL Graft accepts, one per entry. */
    public static List<String> acceptedForms() {
        return DatabaseUrls.FORMS;
    }

    /** The database this URL reaches. */
    public DialectId dialect() {
        return dialect;
    }

    /** The JDBC URL Graft connects with ({@code jdbc:mysql:} is written {@code jdbc:mariadb:}); no user info. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user the URL names before its host ({@code app} in {@code postgresql://app@db/x}), or null. */
    public String user() {
        return user;
    }

    /** The password the URL carries in its user info or a {@code password} parameter of a libpq URL, or null. */
    public String password() {
        return password;
    }

    /**
     * The file an SQLite URL names, when it names one on disk (not {@code :memory:}, not a
     * {@code file:} URI); empty for the other databases.
     */
    public Optional<Path> sqliteFile() {
        return DatabaseUrls.sqliteFile(jdbcUrl);
    }

    /**
     * This URL with a relative SQLite file resolved against {@code folder} (a configuration file's
     * folder, say); the SQLite driver would resolve it against the process's working directory.
     */
    public DatabaseUrl relativeTo(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return new DatabaseUrl(dialect, DatabaseUrls.resolveSqliteFile(jdbcUrl, folder.toAbsolutePath()), user,
                password);
    }

    /** The JDBC URL, and the user; never a password (a {@code password=} parameter is masked). */
    @Override
    public String toString() {
        return jdbcUrl.replaceAll("(?i)([?&;](?:password|passwd|pwd)=)[^&;]*", "$1***")
                + (user == null ? "" : " (user " + user + ")");
    }
}
