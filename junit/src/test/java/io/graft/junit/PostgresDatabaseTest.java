package io.graft.junit;

import io.graft.changelog.DialectId;

@GraftDatabase(dialect = GraftDatabase.Dialect.POSTGRESQL)
class PostgresDatabaseTest extends MigratedDatabaseContract {

    @Override
    DialectId expectedDialect() {
        return DialectId.POSTGRESQL;
    }
}
