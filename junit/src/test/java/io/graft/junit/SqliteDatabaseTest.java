package io.graft.junit;

import io.graft.changelog.DialectId;

@GraftDatabase(dialect = GraftDatabase.Dialect.SQLITE, changelog = "src/test/resources/db/changelog.yaml")
class SqliteDatabaseTest extends MigratedDatabaseContract {

    @Override
    DialectId expectedDialect() {
        return DialectId.SQLITE;
    }
}
