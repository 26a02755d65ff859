package io.graft.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresDialectTest extends DialectContractTest {

    @Override
    DialectId dialectId() {
        return DialectId.POSTGRESQL;
    }

    @Override
    String scriptWithBodies() {
        return """
                CREATE TABLE counted (n INTEGER);
                CREATE FUNCTION add_one() RETURNS trigger AS $$
                BEGIN
                    NEW.n := NEW.n + 1;
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER counted_add BEFORE INSERT ON counted FOR EACH ROW EXECUTE FUNCTION add_one();
                COPY counted (n) FROM stdin;
                1
                \\.
                INSERT INTO counted (n) VALUES (10);
                """;
    }

    @Override
    Optional<String> nonTransactionalStatement() {
        return Optional.of("VACUUM");
    }

    @Override
    boolean tellsLockHolder() {
        return true;
    }

    @Override
    List<String> otherUrlForms(String hostPortAndName, String user) {
        return List.of("postgresql://" + user + "@" + hostPortAndName, "postgres://" + user + "@" + hostPortAndName
                + "?sslmode=disable&application_name=graft_test", "postgresql+psycopg2://" + hostPortAndName + "?user=" + user);
    }

    @Test
    void itsPoolNamesGraftsSessions() throws SQLException {
        try (HikariDataSource pool = Pools.open(db.url(), db.user(), db.password());
                Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW application_name")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("graft");
        }
    }
}
