package io.graft.internal.dialect;

import io.graft.changelog.DialectId;
import java.util.Optional;

class MySqlDialectTest extends DialectContractTest {

    @Override
    DialectId dialectId() {
        return DialectId.MYSQL;
    }

    @Override
    String scriptWithBodies() {
        return """
                CREATE TABLE counted (n INTEGER);
                DELIMITER //
                CREATE TRIGGER counted_add BEFORE INSERT ON counted FOR EACH ROW BEGIN
                    SET NEW.n = NEW.n + 1;
                END//
                DELIMITER ;
                INSERT INTO counted (n) VALUES (1);
                INSERT INTO counted (n) VALUES (10);
                """;
    }

    @Override
    Optional<String> nonTransactionalStatement() {
        return Optional.empty();
    }

    @Override
    boolean tellsLockHolder() {
        return true;
    }
}
