package io.graft.junit;

@GraftDatabase(dialect = GraftDatabase.Dialect.POSTGRESQL, target = "0001_users")
class PostgresFromRevisionTest extends FromRevisionContract {
}
