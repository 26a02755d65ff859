package io.graft.internal.verify;

import com.zaxxer.hikari.HikariDataSource;
import io.graft.Direction;
import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.dialect.HistoryTables;
import io.graft.internal.dialect.Pools;
import io.graft.internal.migrate.Cancellation;
import io.graft.internal.migrate.Migrator;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaReader;
import io.graft.internal.schema.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One scratch database with the changelog's migrator on it: applies and reverts given revisions,
 * reads the schema. Dropped by {@link #close()}.
 */
final class Scratch implements AutoCloseable {

    private final ScratchDatabase database;
    private final HikariDataSource pool;
    private final Migrator migrator;
    private final SchemaReader reader;

    private Scratch(ScratchDatabase database, HikariDataSource pool, Migrator migrator, SchemaReader reader) {
        this.database = database;
        this.pool = pool;
        this.migrator = migrator;
        this.reader = reader;
    }

    static Scratch open(LoadedChangelog loaded, DialectId dialect, String devUrl) {
        ScratchDatabase database = ScratchDatabase.create(dialect, devUrl);
        try {
            HikariDataSource pool = Pools.open(database.url(), database.user(), database.password());
            Migrator migrator = new Migrator(loaded.changelog(), loaded.sources(), loaded.graph(), Dialects.of(dialect),
                    pool, new HistoryTables(null, SchemaReader.GRAFT_PREFIX), Duration.ofSeconds(60), List.of(),
                    new Cancellation());
            return new Scratch(database, pool, migrator, SchemaReader.of(dialect));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Applies {@code steps} in this order; throws {@link MigrationException} when one fails. */
    void apply(List<Revision> steps) {
        if (!steps.isEmpty()) {
            migrator.runSteps(Direction.UP, steps);
        }
    }

    void revert(Revision revision) {
        migrator.runSteps(Direction.DOWN, List.of(revision));
    }

    Schema read() {
        try (Connection c = pool.getConnection()) {
            return reader.read(c, null);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the scratch database's schema: " + e.getMessage(), null,
                    e.getSQLState(), e);
        }
    }

    Connection connect() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            database.close();
        }
    }
}
