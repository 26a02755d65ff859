package io.graft.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Direction;
import io.graft.Graft;
import io.graft.MigrationListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started as its main method starts it, on a new database: Graft creates the
 * tables before Hibernate validates the entities; a second start applies nothing.
 */
class LibraryApplicationTest {

    @TempDir
    Path dir;

    /** Starts the application on {@code url}, recording the plans Graft made. */
    private static ConfigurableApplicationContext start(String url, List<List<String>> plans) {
        MigrationListener probe = new MigrationListener() {
            @Override
            public void planned(Direction direction, List<String> revisionIds) {
                plans.add(revisionIds);
            }
        };
        return new SpringApplicationBuilder(LibraryApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("planProbe", probe))
                .run("--spring.datasource.url=" + url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void startsOnANewDatabaseThenStartsAgainWithNothingToDo(String dialect) throws Exception {
        try (TestDatabases.Db db = TestDatabases.create(dialect, dir)) {
            List<List<String>> plans = new ArrayList<>();
            try (ConfigurableApplicationContext app = start(db.url(), plans)) {
                // The context started with spring.jpa.hibernate.ddl-auto=validate: the entities matched.
                assertThat(app.getBean(BookRepository.class).findAllByOrderByTitle())
                        .extracting(Book::getTitle).containsExactly("Solaris", "The Dispossessed");
                assertThat(app.getBean(Graft.class).status().upToDate()).isTrue();
            }
            assertThat(plans).containsExactly(List.of("0001_authors", "0002_books"));
            assertThat(db.query("SELECT COUNT(*) FROM author")).containsExactly("2");
            List<String> applied = db.query("SELECT id, applied_at FROM graft_revisions ORDER BY id");
            assertThat(applied).hasSize(2);

            try (ConfigurableApplicationContext again = start(db.url(), plans)) {
                assertThat(again.getBean(BookRepository.class).count()).isEqualTo(2);
            }
            assertThat(plans).containsExactly(List.of("0001_authors", "0002_books"), List.of());
            assertThat(db.query("SELECT id, applied_at FROM graft_revisions ORDER BY id")).isEqualTo(applied);
        }
    }
}
