package io.graft.internal.dialect;

import io.graft.changelog.DialectId;

class PostgresDialectTest extends DialectContractTest {

    @Override
    DialectId dialectId() {
        return DialectId.POSTGRESQL;
    }
}
