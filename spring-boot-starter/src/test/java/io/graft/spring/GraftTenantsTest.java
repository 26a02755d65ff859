package io.graft.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.fleet.FleetTarget;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tenants at start-up: the schemas of "graft.tenants.schemas" and the targets of GraftTenants beans. */
class GraftTenantsTest {

    private static final List<String> BOTH = List.of("0001_authors", "0002_books");

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Boot.of("DataSourceAutoConfiguration"))
            .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(GraftAutoConfiguration.class));

    @Test
    void eachTenantSchemaIsMigratedAfterTheApplicationsDatabase() {
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL)) {
            runner.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "graft.tenants.schemas=acme,globex", "graft.tenants.parallel=2").run(context -> {
                        assertThat(context).hasNotFailed();
                    });
            assertThat(db.appliedIds()).isEqualTo(BOTH);
            for (String schema : List.of("acme", "globex")) {
                assertThat(db.query("SELECT id FROM " + schema + ".graft_revisions ORDER BY applied_seq"))
                        .extracting(r -> r.get("id")).containsExactlyElementsOf(BOTH);
                assertThat(db.query("SELECT count(*) AS n FROM " + schema + ".author").get(0).get("n")).isEqualTo(1L);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SqliteTenants {
        @Bean
        GraftTenants tenants() {
            return () -> List.of(FleetTarget.of("one", "jdbc:sqlite:" + dir.resolve("one.db")),
                    FleetTarget.of("two", "jdbc:sqlite:" + dir.resolve("two.db")));
        }
    }

    @Test
    void aBeanSuppliesTenantsAndAFailingOneStopsTheStartNamingIt() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues("spring.datasource.url=" + db.url()).withUserConfiguration(SqliteTenants.class)
                    .run(context -> assertThat(context).hasNotFailed());
            for (String name : List.of("one", "two")) {
                try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name + ".db"));
                        var rs = c.createStatement().executeQuery("SELECT count(*) FROM graft_revisions")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
            runner.withPropertyValues("spring.datasource.url=" + db.url(),
                    "graft.tenants.schemas=acme").run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).hasStackTraceContaining(
                                "schema or database names need a PostgreSQL or MySQL/MariaDB URL");
                    });
        }
    }
}
