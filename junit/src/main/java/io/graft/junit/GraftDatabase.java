package io.graft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the tests of a class a database of their own, migrated by Graft before the first test
 * and dropped after the last one. Test methods, constructors and lifecycle methods take it as a
 * parameter of type {@link javax.sql.DataSource}, {@link io.graft.Graft} (configured with the
 * same changelog and database, e.g. to apply the rest after {@link #target()}) or
 * {@link io.graft.changelog.DialectId}; non-static fields of those types that are still
 * {@code null} are set too.
 *
 * <pre>{@code
 * @GraftDatabase(dialect = GraftDatabase.Dialect.POSTGRESQL)
 * class OrderRepositoryTest {
 *     @Test
 *     void savesAnOrder(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <p>Where the database comes from, for a dialect: a Testcontainers container when the test's
 * class path has the Testcontainers module ({@code org.testcontainers:postgresql} or
 * {@code :mariadb}) and Docker runs; else the server named by the environment variable
 * {@code GRAFT_TEST_POSTGRES_URL} or {@code GRAFT_TEST_MYSQL_URL} (a JDBC URL that may carry
 * {@code user} and {@code password}); SQLite is a file in a temporary folder. On a server, the
 * extension creates a database of its own ({@code graft_junit_...}) and drops it afterwards.
 * The tests of one class share the database: what one test writes, the next one sees.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GraftExtension.class)
public @interface GraftDatabase {

    /**
     * The changelog: {@code classpath:db/changelog.yaml} (the default, i.e.
     * {@code src/main/resources/db/changelog.yaml} or {@code src/test/resources/...}) or a file
     * path, relative to the working directory (the module's folder under Maven).
     */
    String changelog() default "classpath:db/changelog.yaml";

    /**
     * How far to migrate before the tests: {@code heads} (the default), or any target Graft
     * understands ({@code 0002_orders}, {@code core@head}, {@code base} for none). A test of a
     * migration starts at the revision before it, fills in data, and applies the rest with the
     * injected {@link io.graft.Graft}.
     */
    String target() default "heads";

    /** Which database. */
    Dialect dialect() default Dialect.ANY;

    /** The database a class is given. */
    enum Dialect {
        /**
         * The first that is available of: a PostgreSQL container, the PostgreSQL server of
         * {@code GRAFT_TEST_POSTGRES_URL}, the MySQL/MariaDB server of {@code GRAFT_TEST_MYSQL_URL},
         * SQLite; only among the changelog's {@code dialects:} when it declares them.
         */
        ANY,
        /** PostgreSQL: a container, else {@code GRAFT_TEST_POSTGRES_URL}; without either the class is skipped. */
        POSTGRESQL,
        /** MySQL/MariaDB: a MariaDB container, else {@code GRAFT_TEST_MYSQL_URL}; without either the class is skipped. */
        MYSQL,
        /** SQLite in a temporary file: always available. */
        SQLITE
    }
}
