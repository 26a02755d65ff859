package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.AdoptResult;
import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.MigrationException;
import io.graft.RunResult;
import io.graft.Target;
import io.graft.changelog.DialectId;
import io.graft.testing.SchemaDump;
import io.graft.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that switching from Alembic changes nothing: the blog fixture (a branch with labels,
 * a depends_on across the branches, a merge, raw SQL through {@code op.execute}, an index built in
 * an {@code autocommit_block()}) migrated online by the real Alembic (Debian's 1.8 with
 * psycopg2 / PyMySQL), and the changelog imported for the same database applied by Graft, give
 * the same schema as the database's own dump tool prints it; downgrading both to the same
 * revision does too. A database Alembic migrated halfway (two heads in {@code alembic_version})
 * is adopted and finished by {@code graft up} into the schema of Alembic's full run; a version
 * row naming a revision the changelog lacks stops the adoption.
 *
 * <p>Without Alembic the tests are skipped, unless {@code CI} is set: then they fail.
 */
class AlembicProofTest {

    /** The imports, one per dialect, shared by the tests (each runs Alembic twice, seconds each). */
    @TempDir
    static Path imports;

    private static final Map<DialectId, Path> IMPORTED = new EnumMap<>(DialectId.class);

    private AlembicCommand alembic;

    @BeforeEach
    void alembic() {
        AlembicAvailability.require();
        alembic = AlembicCommand.find(AlembicImportTest.BLOG.toAbsolutePath());
    }

    /** Runs {@code alembic ARGS} online against {@code db}. */
    private void alembic(TestDatabase db, String... args) {
        AlembicCommand.Output out = alembic.run(sqlalchemyUrl(db), List.of(args));
        assertThat(out.exit()).as("alembic %s:\n%s", String.join(" ", args), out.err()).isZero();
    }

    /** The SQLAlchemy URL of a test database, with the Debian drivers (psycopg2, PyMySQL). */
    static String sqlalchemyUrl(TestDatabase db) {
        if (db.dialect() == DialectId.SQLITE) {
            return "sqlite:///" + db.url().substring("jdbc:sqlite:".length());
        }
        URI uri = URI.create(db.url().substring("jdbc:".length()).replaceAll("\\?.*", ""));
        String auth = db.user() + (db.password() == null || db.password().isEmpty() ? "" : ":" + db.password());
        String scheme = db.dialect() == DialectId.POSTGRESQL ? "postgresql+psycopg2" : "mysql+pymysql";
        int port = uri.getPort() > 0 ? uri.getPort() : db.dialect() == DialectId.POSTGRESQL ? 5432 : 3306;
        return scheme + "://" + auth + "@" + uri.getHost() + ":" + port + uri.getPath();
    }

    /**
     * The dump without {@code alembic_version}. On SQLite, which keeps each CREATE statement's text,
     * tabs are read as four spaces: Alembic's offline mode prints the tabs of SQLAlchemy's DDL as
     * four spaces (its {@code DefaultImpl._exec}), where its online run sends them as they are.
     */
    private static String dump(TestDatabase db) {
        String dump = SchemaDump.of(db, "alembic_version");
        return db.dialect() == DialectId.SQLITE ? dump.replace("\t", "    ") : dump;
    }

    private static synchronized Path importBlog(DialectId dialect) {
        return IMPORTED.computeIfAbsent(dialect, d -> {
            Path changelog = imports.resolve(d.key()).resolve("changelog.yaml");
            Graft.importChangelog(new ImportRequest("alembic", AlembicImportTest.BLOG, changelog, d, false, false));
            return changelog;
        });
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void alembicAndTheImportedChangelogBuildTheSameSchema(DialectId dialect) {
        try (TestDatabase byAlembic = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            alembic(byAlembic, "upgrade", "heads");
            Path changelog = importBlog(dialect);
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.upgrade().steps()).hasSize(8);
            }
            String expected = dump(byAlembic);
            assertThat(expected).contains("post_titles").contains("ix_posts_title").contains("post_tags");
            assertThat(dump(byGraft)).isEqualTo(expected);

            alembic(byAlembic, "downgrade", "2b3c4d5e6f70");
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.downgrade(Target.parse("2b3c4d5e6f70_users_email_index")).steps()).hasSize(6);
            }
            String down = dump(byAlembic);
            assertThat(down).contains("ix_users_email").doesNotContain("post_titles");
            assertThat(dump(byGraft)).isEqualTo(down);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDatabaseAlembicMigratedHalfwayIsAdoptedAndFinishedByGraft(DialectId dialect) {
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            alembic(full, "upgrade", "heads");
            alembic(half, "upgrade", "6f708192a3b4");
            alembic(half, "upgrade", "4d5e6f708192");
            List<Map<String, Object>> versions = half.query("SELECT version_num FROM alembic_version ORDER BY 1");
            assertThat(versions).hasSize(2);
            Path changelog = importBlog(dialect);
            try (Graft graft = graft(changelog, half)) {
                AdoptResult adopted = graft.adopt("alembic");
                assertThat(adopted.historyRows()).isEqualTo(2);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId()).containsExactly(
                        "1a2b3c4d5e6f_create_users", "2b3c4d5e6f70_users_email_index", "3c4d5e6f7081_create_posts",
                        "4d5e6f708192_create_tags", "6f708192a3b4_post_titles_view");
                assertThat(adopted.run().current())
                        .containsExactlyInAnyOrder("4d5e6f708192_create_tags", "6f708192a3b4_post_titles_view");
                assertThat(graft.adopt("alembic").run().steps()).isEmpty();
                RunResult up = graft.upgrade();
                assertThat(up.steps()).extracting(s -> s.revisionId()).containsExactly("5e6f708192a3_post_tags",
                        "708192a3b4c5_merge_content_and_tagging", "8192a3b4c5d6_posts_title_index");
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(dump(half)).isEqualTo(dump(full));
            assertThat(half.query("SELECT version_num FROM alembic_version ORDER BY 1"))
                    .as("Alembic's table is left as it was").isEqualTo(versions);
            assertThat(half.query("SELECT operation, revision_id, error FROM graft_log ORDER BY id").get(0).toString())
                    .contains("stamp").contains("1a2b3c4d5e6f_create_users").contains("adopted from alembic");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"SQLITE", "POSTGRESQL"})
    void aVersionRowNamingAnUnknownRevisionStopsTheAdoption(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            alembic(db, "upgrade", "2b3c4d5e6f70");
            db.execute("UPDATE alembic_version SET version_num = 'deadbeef0042'");
            Path changelog = importBlog(dialect);
            try (Graft graft = graft(changelog, db)) {
                assertThatThrownBy(() -> graft.adopt("alembic")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Alembic's version table alembic_version holds 'deadbeef0042', a"
                                + " revision that the changelog does not have")
                        .hasMessageContaining("import again from the Alembic project");
            }
            assertThat(db.appliedIds()).isEmpty();
        }
    }
}
