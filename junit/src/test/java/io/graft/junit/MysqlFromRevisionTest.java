package io.graft.junit;

@GraftDatabase(dialect = GraftDatabase.Dialect.MYSQL, target = "0001_users")
class MysqlFromRevisionTest extends FromRevisionContract {
}
