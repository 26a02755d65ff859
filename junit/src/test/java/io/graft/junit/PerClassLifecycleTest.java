package io.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With one instance per class, the instance is made before the class's callbacks: the database is made then. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@GraftDatabase(dialect = GraftDatabase.Dialect.SQLITE)
class PerClassLifecycleTest {

    DataSource field;
    DataSource fromBeforeAll;

    @BeforeAll
    void seed(DataSource ds) {
        fromBeforeAll = ds;
        Db.execute(ds, "INSERT INTO users (id, email, name) VALUES (7, 'x@example.org', 'X')");
    }

    @Test
    void fieldsAndLifecycleMethodsGetTheSameMigratedDatabase() {
        assertThat(field).isNotNull().isSameAs(fromBeforeAll);
        assertThat(Db.column(field, "SELECT name FROM users")).containsExactly("X");
    }
}
