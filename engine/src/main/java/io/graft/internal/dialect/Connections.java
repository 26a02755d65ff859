package io.graft.internal.dialect;

import com.zaxxer.hikari.HikariDataSource;
import io.graft.internal.concurrent.Background;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * The database one {@code Graft} talks to: a {@link DataSource} the application gave (left open),
 * or a small pool opened from a URL (closed with this). The pool can be opened on a thread of its
 * own while the changelog loads ({@link #startOpening()}): both take a while, and neither needs
 * the other.
 */
public final class Connections implements AutoCloseable {

    private final DataSource given;
    private final String url;
    private final String user;
    private final String password;
    private HikariDataSource owned;
    /** The pool being opened on a thread of its own; see {@link #startOpening()}. */
    private CompletableFuture<HikariDataSource> opening;

    /** @param given the application's DataSource, or {@code null} to open a pool for {@code url} */
    public Connections(DataSource given, String url, String user, String password) {
        this.given = given;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The DataSource: the given one, or the pool, opened now if it is not open or opening yet. */
    public synchronized DataSource dataSource() {
        if (given != null) {
            return given;
        }
        if (owned == null && opening != null) {
            CompletableFuture<HikariDataSource> pending = opening;
            opening = null;
            owned = Background.join(pending);
        }
        if (owned == null) {
            owned = Pools.open(url, user, password);
        }
        return owned;
    }

    /**
     * Whether the URL names an SQLite file that does not exist (yet): connecting would create it,
     * so operations that only read do not connect. False for a given DataSource and for servers.
     */
    public boolean databaseMissing() {
        return given == null && owned == null && DatabaseUrls.sqliteFile(url).map(f -> !Files.exists(f)).orElse(false);
    }

    /** Starts opening the pool on a thread of its own, unless there is nothing to open. */
    public synchronized void startOpening() {
        if (given != null || owned != null || opening != null) {
            return;
        }
        if (Pools.createsFileOnConnect(url) && !existingFile()) {
            // Opening an SQLite URL creates the file: not before the changelog is known to be
            // good. Its driver's native library and the pool's classes can be made ready, though.
            // A file that exists is opened at once, like a server: opening it creates nothing.
            Background.run("graft-connect", () -> Pools.prepare(url));
            return;
        }
        opening = Background.start("graft-connect", () -> Pools.openWarm(url, user, password));
    }

    /** Whether the URL names an SQLite database file that exists. */
    private boolean existingFile() {
        return DatabaseUrls.sqliteFile(url).map(Files::isRegularFile).orElse(false);
    }

    /** Closes the pool being opened, once it is open, without waiting for it (the run will not need it). */
    public synchronized void abandonOpening() {
        if (opening != null) {
            opening.thenAccept(HikariDataSource::close);
            opening = null;
        }
    }

    /** Closes the pool opened from the URL; a given DataSource is left open. */
    @Override
    public synchronized void close() {
        abandonOpening();
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }
}
