package io.graft.junit;

@GraftDatabase(dialect = GraftDatabase.Dialect.SQLITE, target = "0001_users")
class SqliteFromRevisionTest extends FromRevisionContract {
}
