package io.graft.internal.dialect;

import io.graft.changelog.DialectId;

class SqliteDialectTest extends DialectContractTest {

    @Override
    DialectId dialectId() {
        return DialectId.SQLITE;
    }
}
