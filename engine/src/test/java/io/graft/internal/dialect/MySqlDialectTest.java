package io.graft.internal.dialect;

import io.graft.changelog.DialectId;
import java.util.List;
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

    /** {@code jdbc:mysql:} reaches MariaDB through MariaDB Connector/J, which takes only {@code jdbc:mariadb:} as it is. */
    @Override
    List<String> otherUrlForms(String hostPortAndName, String user) {
        return List.of("jdbc:mysql://" + hostPortAndName + "?user=" + user, "jdbc:mysql://" + user + "@" + hostPortAndName,
                "mysql://" + user + "@" + hostPortAndName, "mariadb://" + user + "@" + hostPortAndName,
                "mysql+pymysql://" + user + "@" + hostPortAndName + "?charset=utf8mb4");
    }
}
