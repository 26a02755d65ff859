package io.graft.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.ChangelogException;
import io.graft.DriftException;
import io.graft.Graft;
import io.graft.GraftException;
import io.graft.MigrationListener;
import io.graft.RevisionStep;
import io.graft.changelog.DialectId;
import io.graft.spring.app.JpaApp;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auto-configuration in application contexts, on SQLite, PostgreSQL and MariaDB. */
class GraftAutoConfigurationTest {

    private static final List<String> BOTH = List.of("0001_authors", "0002_books");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Boot.of("DataSourceAutoConfiguration"))
            .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(GraftAutoConfiguration.class));

    private static String[] dataSource(TestDatabase db) {
        List<String> p = new ArrayList<>(List.of("spring.datasource.url=" + db.url()));
        if (db.user() != null) {
            p.add("spring.datasource.username=" + db.user());
        }
        if (db.password() != null) {
            p.add("spring.datasource.password=" + db.password());
        }
        if (db.dialect() == DialectId.SQLITE) {
            p.add("spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect");
        }
        return p.toArray(String[]::new);
    }

    /** A bean that reads the migrated table while it is made, as a repository or a cache warmer would. */
    static final class AuthorCount {
        final int count;

        AuthorCount(JdbcTemplate jdbc) {
            count = jdbc.queryForObject("SELECT COUNT(*) FROM author", Integer.class);
        }
    }

    /** The same through jOOQ. */
    static final class BookCount {
        final int count;

        BookCount(DSLContext jooq) {
            count = jooq.fetchCount(DSL.table("book"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JdbcUser {
        @Bean
        AuthorCount authorCount(JdbcTemplate jdbc) {
            return new AuthorCount(jdbc);
        }

        @Bean
        BookCount bookCount(DSLContext jooq) {
            return new BookCount(jooq);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void migratesBeforeJpaValidatesAndBeforeJdbcTemplateAndJooqUsersThenAgainIsNoChange(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            ApplicationContextRunner jpa = runner
                    .withConfiguration(Boot.of("HibernateJpaAutoConfiguration", "TransactionAutoConfiguration",
                            "JdbcTemplateAutoConfiguration", "JooqAutoConfiguration"))
                    .withUserConfiguration(JpaApp.class, JdbcUser.class)
                    .withPropertyValues(dataSource(db))
                    .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");
            jpa.run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(AuthorCount.class).count).isEqualTo(1);
                assertThat(context.getBean(BookCount.class).count).isZero();
                assertThat(context).hasBean("entityManagerFactory");
            });
            assertThat(db.userTables()).contains("author", "book");
            assertThat(db.appliedIds()).isEqualTo(BOTH);
            jpa.run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Graft.class).status().upToDate()).isTrue();
            });
            assertThat(db.appliedIds()).isEqualTo(BOTH);
            assertThat(db.query("SELECT COUNT(*) AS n FROM author").get(0).values().iterator().next())
                    .asString().isEqualTo("1");
        }
    }

    @Test
    void staysOffWithoutTheChangelogWithoutADataSourceOrWhenDisabled() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(db))
                    .withClassLoader(new FilteredClassLoader(new ClassPathResource("db/changelog.yaml")))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Graft.class));
            runner.withPropertyValues(dataSource(db)).withPropertyValues("graft.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Graft.class));
            new ApplicationContextRunner()
                    .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(GraftAutoConfiguration.class))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Graft.class));
            assertThat(db.userTables()).isEmpty();
        }
    }

    @Test
    void aChangelogThatIsSetMustExist() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(db)).withPropertyValues("graft.changelog=classpath:db/missing.yaml")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        Throwable failure = context.getStartupFailure();
                        ChangelogException cause = rootOf(failure, ChangelogException.class);
                        assertThat(cause.getMessage()).contains("db/missing.yaml");
                        FailureAnalysis analysis = new GraftFailureAnalyzer().analyze(failure);
                        assertThat(analysis.getDescription()).startsWith("Graft could not migrate the database at start-up")
                                .contains("db/missing.yaml");
                    });
        }
    }

    @Test
    void failOnPendingRefusesToStartUntilTheRevisionsAreApplied() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            ApplicationContextRunner validateOnly = runner.withPropertyValues(dataSource(db))
                    .withPropertyValues("graft.fail-on-pending=true");
            validateOnly.run(context -> {
                assertThat(context).hasFailed();
                GraftException e = rootOf(context.getStartupFailure(), GraftException.class);
                assertThat(e.getMessage()).contains("2 revision(s) are pending: 0001_authors, 0002_books");
                assertThat(new GraftFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                        .contains("graft up");
            });
            assertThat(db.userTables()).doesNotContain("author");
            runner.withPropertyValues(dataSource(db)).run(context -> assertThat(context).hasNotFailed());
            validateOnly.run(context -> assertThat(context).hasNotFailed());
        }
    }

    @Test
    void failOnPendingRefusesToStartWhenTheHistoryDisagreesWithTheChangelog() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(db)).run(context -> assertThat(context).hasNotFailed());
            db.execute("UPDATE graft_revisions SET checksum = 'edited' WHERE id = '0001_authors'");
            runner.withPropertyValues(dataSource(db)).withPropertyValues("graft.fail-on-pending=true")
                    .run(context -> {
                        DriftException e = rootOf(context.getStartupFailure(), DriftException.class);
                        assertThat(e.drift()).extracting(d -> d.revisionId()).containsExactly("0001_authors");
                        assertThat(new GraftFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                                .contains("0001_authors");
                    });
        }
    }

    @Test
    void theTargetTablePrefixAndListenersAreApplied() {
        List<String> seen = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(db))
                    .withPropertyValues("graft.target=0001_authors", "graft.table-prefix=app_", "graft.lock-timeout=5")
                    .withBean(MigrationListener.class, () -> new MigrationListener() {
                        @Override
                        public void revisionFinished(RevisionStep step, int index, int total) {
                            seen.add(step.revisionId() + " " + (index + 1) + "/" + total);
                        }
                    })
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(seen).containsExactly("0001_authors 1/1");
            assertThat(db.userTables()).contains("author", "app_revisions", "app_log").doesNotContain("book", "graft_revisions");
        }
    }

    @Test
    void aSeparateUrlIsMigratedAndTheApplicationsDataSourceIsNot() {
        try (TestDatabase app = TestDatabase.create(DialectId.SQLITE);
                TestDatabase migration = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(app)).withPropertyValues("graft.url=" + migration.url())
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(migration.appliedIds()).isEqualTo(BOTH);
            assertThat(app.userTables()).isEmpty();
        }
    }

    @Test
    void aGraftDataSourceBeanWinsOverTheUrl() {
        try (TestDatabase app = TestDatabase.create(DialectId.SQLITE);
                TestDatabase own = TestDatabase.create(DialectId.SQLITE);
                TestDatabase url = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(app)).withPropertyValues("graft.url=" + url.url())
                    .withUserConfiguration(OwnDataSource.class)
                    .withPropertyValues("own.url=" + own.url())
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(own.appliedIds()).isEqualTo(BOTH);
            assertThat(app.userTables()).isEmpty();
            assertThat(url.userTables()).isEmpty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDataSource {
        @Bean
        @GraftDataSource
        DataSource graftDataSource(org.springframework.core.env.Environment env) {
            return DataSourceBuilder.create().url(env.getProperty("own.url")).build();
        }

        /** The application's primary DataSource, made here because a DataSource bean turns Boot's off. */
        @Bean
        @org.springframework.context.annotation.Primary
        DataSource dataSource(org.springframework.core.env.Environment env) {
            return DataSourceBuilder.create().url(env.getProperty("spring.datasource.url")).build();
        }
    }

    @Test
    void aMigrationStrategyAndACustomizerReplaceTheDefaults() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(db))
                    .withBean(GraftMigrationStrategy.class, () -> graft -> graft.upgrade("0001_authors"))
                    .withBean(GraftConfigurationCustomizer.class, () -> builder -> builder.tablePrefix("custom_"))
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(db.userTables()).contains("author", "custom_revisions").doesNotContain("book");
        }
    }

    @Test
    void anUnknownOrUndeclaredDialectStopsTheStart() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withPropertyValues(dataSource(db)).withPropertyValues("graft.dialects=sqlite,oracle")
                    .run(context -> assertThat(rootOf(context.getStartupFailure(), GraftException.class))
                            .hasMessageContaining("graft.dialects: unknown dialect 'oracle'")
                            .hasMessageContaining("use postgresql, sqlite, mysql"));
            assertThat(db.userTables()).isEmpty();
        }
    }

    @Test
    void theActuatorEndpointShowsTheStatus() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            runner.withConfiguration(Boot.of("EndpointAutoConfiguration"))
                    .withPropertyValues(dataSource(db))
                    .withPropertyValues("graft.target=0001_authors", "management.endpoints.web.exposure.include=graft",
                            "management.endpoints.jmx.exposure.include=graft")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(GraftEndpoint.class);
                        GraftEndpoint.GraftStatus status = context.getBean(GraftEndpoint.class).graft();
                        assertThat(status.current()).containsExactly("0001_authors");
                        assertThat(status.pending()).containsExactly("0002_books");
                        assertThat(status.heads()).containsExactly("0002_books");
                        assertThat(status.applied()).containsExactly("0001_authors");
                        assertThat(status.drift()).isEmpty();
                        assertThat(status.upToDate()).isFalse();
                    });
            runner.withConfiguration(Boot.of("EndpointAutoConfiguration")).withPropertyValues(dataSource(db))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GraftEndpoint.class));
        }
    }

    @Test
    void theConfigurationMetadataDescribesEveryProperty() throws IOException {
        String json = new String(new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        for (String name : List.of("enabled", "changelog", "target", "url", "user", "password", "schema",
                "table-prefix", "lock-timeout", "dialects", "fail-on-pending")) {
            assertThat(json).contains("\"name\": \"graft." + name + "\"");
        }
        assertThat(json).contains("\"defaultValue\": \"classpath:db\\/changelog.yaml\"");
    }

    private static <T extends Throwable> T rootOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }
}
