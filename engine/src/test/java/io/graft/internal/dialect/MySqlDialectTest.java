package io.graft.internal.dialect;

import io.graft.changelog.DialectId;

class MySqlDialectTest extends DialectContractTest {

    @Override
    DialectId dialectId() {
        return DialectId.MYSQL;
    }
}
