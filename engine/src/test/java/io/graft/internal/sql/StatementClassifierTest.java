package io.graft.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.internal.sql.Classification.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE users (id int PRIMARY KEY, email text)  | DDL   | users",
        "CREATE INDEX users_email ON users (email)             | DDL   | users",
        "ALTER TABLE app.users ADD COLUMN age int              | DDL   | app.users",
        "INSERT INTO users (id) VALUES (1)                     | DML   | users",
        "UPDATE users SET age = 1 WHERE id = 2                 | DML   | users",
        "DELETE FROM orders WHERE id IN (SELECT id FROM old)   | DML   | old,orders",
        "SELECT * FROM a JOIN b ON a.id = b.id                 | DML   | a,b",
        "GRANT SELECT ON users TO app                          | DDL   | ''",
        "SET search_path = app                                 | OTHER | ''",
    })
    void kindsAndTables(String sql, Kind kind, String tables) {
        Classification c = StatementClassifier.classify(sql);
        assertThat(c.parsed()).isTrue();
        assertThat(c.kind()).isEqualTo(kind);
        assertThat(String.join(",", c.tables())).isEqualTo(tables);
        assertThat(c.destructive()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DROP TABLE users                         | DROP TABLE users",
        "DROP TABLE IF EXISTS app.users           | DROP TABLE app.users",
        "DROP SCHEMA app CASCADE                  | DROP SCHEMA app",
        "TRUNCATE TABLE users                     | TRUNCATE users",
        "DELETE FROM users                        | DELETE without WHERE on users",
        "UPDATE users SET active = false          | UPDATE without WHERE on users",
        "ALTER TABLE users DROP COLUMN email      | ALTER TABLE users DROP COLUMN email",
        "ALTER TABLE t DROP CONSTRAINT t_total_check | ALTER TABLE t DROP CONSTRAINT t_total_check",
        "ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_user_fk | ALTER TABLE orders DROP CONSTRAINT orders_user_fk",
        "ALTER TABLE orders DROP FOREIGN KEY orders_user_fk | ALTER TABLE DROP FOREIGN KEY",
        "ALTER TABLE `orders` DROP CHECK `orders_total` | ALTER TABLE DROP CHECK",
        "ALTER TABLE orders DROP PRIMARY KEY      | ALTER TABLE orders DROP PRIMARY KEY",
    })
    void destructive(String sql, String reason) {
        Classification c = StatementClassifier.classify(sql);
        assertThat(c.destructive()).isTrue();
        assertThat(c.destructiveReason()).isEqualTo(reason);
    }

    @Test
    void notDestructive() {
        assertThat(StatementClassifier.classify("DROP INDEX i").destructive()).isFalse();
        assertThat(StatementClassifier.classify("DROP VIEW v").destructive()).isFalse();
        assertThat(StatementClassifier.classify("ALTER TABLE t ADD CONSTRAINT c CHECK (x > 0)").destructive()).isFalse();
        assertThat(StatementClassifier.classify("ALTER TABLE t ALTER COLUMN c TYPE varchar(20)").destructive())
                .as("narrowing or not, the statement alone cannot tell: graft diff marks it").isFalse();
        assertThat(StatementClassifier.classify("DELETE FROM t WHERE id = 1").destructive()).isFalse();
    }

    @Test
    void aDroppedConstraintLosesAGuaranteeNotRows() {
        assertThat(StatementClassifier.classify("ALTER TABLE t DROP CONSTRAINT c").consequence())
                .isEqualTo("drops a guarantee the data relied on");
        assertThat(StatementClassifier.classify("DROP TABLE t").consequence()).isEqualTo("throws data away");
    }

    @Test
    void unparsableNeverThrowsAndFallsBackToFirstWords() {
        Classification c = StatementClassifier.classify("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql STRICT PARALLEL SAFE LEAKPROOF");
        assertThat(c.kind()).isEqualTo(Kind.DDL);
        Classification garbage = StatementClassifier.classify("THIS IS NOT ;; SQL ((");
        assertThat(garbage.parsed()).isFalse();
        assertThat(garbage.kind()).isEqualTo(Kind.OTHER);
        assertThat(garbage.tables()).isEmpty();
        assertThat(StatementClassifier.classify("").parsed()).isFalse();
        assertThat(StatementClassifier.classify("PRAGMA journal_mode = WAL", SplitOptions.SQLITE).kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void fallbackStillSeesDestructiveFirstWords() {
        Classification c = StatementClassifier.fallback("DROP TABLE x CASCADE WITH SOMETHING ODD");
        assertThat(c.parsed()).isFalse();
        assertThat(c.destructive()).isTrue();
        assertThat(c.destructiveReason()).isEqualTo("DROP TABLE");
    }

    @Test
    void dialectQuoting() {
        assertThat(StatementClassifier.classify("SELECT [a b] FROM [my table]", SplitOptions.SQLITE).parsed()).isTrue();
        Classification c = StatementClassifier.classify("INSERT INTO t VALUES ('it\\'s')", SplitOptions.MYSQL);
        assertThat(c.parsed()).isTrue();
        assertThat(c.tables()).containsExactly("t");
    }
}
