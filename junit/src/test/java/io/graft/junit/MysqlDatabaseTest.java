package io.graft.junit;

import io.graft.changelog.DialectId;

@GraftDatabase(dialect = GraftDatabase.Dialect.MYSQL)
class MysqlDatabaseTest extends MigratedDatabaseContract {

    @Override
    DialectId expectedDialect() {
        return DialectId.MYSQL;
    }
}
