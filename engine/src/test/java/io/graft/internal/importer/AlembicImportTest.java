package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.ImportResult;
import io.graft.Problem;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft import alembic}: the scripts read without Python (both template spellings, merges,
 * labels, depends_on), the graph and its refusals; and, with Alembic installed, the SQL it renders
 * offline cut into revisions without Alembic's bookkeeping.
 */
class AlembicImportTest {

    static final Path BLOG = Path.of("src/test/resources/import/alembic/blog");

    @TempDir
    Path dir;

    private static AlembicScript parse(String name, String text, List<Problem> problems) {
        return AlembicScript.parse(Path.of(name), name, text, problems);
    }

    @Test
    void scriptsAreReadInBothTemplateSpellings() {
        List<Problem> problems = new ArrayList<>();
        AlembicScript plain = parse("ae1027a6acf_add_users.py", """
                \"\"\"add users

                Revision ID: ae1027a6acf
                Revises:
                Create Date: 2026-01-02 03:04:05.000000

                \"\"\"
                from alembic import op

                # revision identifiers, used by Alembic.
                revision = 'ae1027a6acf'
                down_revision = None
                branch_labels = None
                depends_on = None


                def upgrade():
                    revision = 'not this one'
                """, problems);
        assertThat(problems).isEmpty();
        assertThat(plain.revision()).isEqualTo("ae1027a6acf");
        assertThat(plain.line()).isEqualTo(11);
        assertThat(plain.downRevisions()).isEmpty();
        assertThat(plain.description()).isEqualTo("add users");
        assertThat(plain.created()).isEqualTo("2026-01-02 03:04:05.000000");

        AlembicScript annotated = parse("m.py", """
                '''merge heads'''
                from typing import Sequence, Union

                revision: str = "27c6a30d7c24"
                down_revision: Union[str, None] = (
                    'ae1027a6acf',  # the users branch
                    "1975ea83b712",
                )
                branch_labels: Union[str, Sequence[str], None] = 'core'
                depends_on: Union[str, Sequence[str], None] = ['55af2cb1c267']

                def upgrade() -> None:
                    bind = op.get_bind()  # reads rows
                    # op.get_bind() in a comment is no call
                    op.execute("SELECT get_bind")
                """, problems);
        assertThat(problems).isEmpty();
        assertThat(annotated.revision()).isEqualTo("27c6a30d7c24");
        assertThat(annotated.downRevisions()).containsExactly("ae1027a6acf", "1975ea83b712");
        assertThat(annotated.branchLabels()).containsExactly("core");
        assertThat(annotated.dependsOn()).containsExactly("55af2cb1c267");
        assertThat(annotated.description()).isEqualTo("merge heads");
        assertThat(annotated.calls()).containsExactly(new AlembicScript.Call(13, "upgrade", "get_bind"));
    }

    @Test
    void valuesThatAreNoLiteralsAndScriptsWithoutRevisionAreProblems() {
        List<Problem> problems = new ArrayList<>();
        assertThat(parse("a.py", "revision = make_id()\ndown_revision = None\n", problems)).isNull();
        assertThat(parse("b.py", "revision = 'b1'\ndown_revision = 'a' + 'b'\n", problems)).isNull();
        assertThat(parse("c.py", "from alembic import op\n", problems)).isNull();
        assertThat(problems).extracting(Problem::render).containsExactly(
                "a.py:1:12: revision is a name, not a literal: Graft reads revision scripts without running them"
                        + "\n  hint: write revision as a literal: a quoted string, None, or a tuple of quoted strings",
                "a.py:1:1: no 'revision = ...' in this script, so Alembic cannot load it either\n  hint: declare"
                        + " revision (and down_revision) as 'alembic revision' writes them, or move the file out of"
                        + " the versions folder",
                "b.py:2:17: down_revision is an expression, not a literal: Graft reads revision scripts without"
                        + " running them\n  hint: write down_revision as a literal: a quoted string, None, or a tuple"
                        + " of quoted strings",
                "b.py:1:1: no 'down_revision = ...' in this script\n  hint: declare down_revision (None for a"
                        + " first revision)",
                "c.py:1:1: no 'revision = ...' in this script, so Alembic cannot load it either\n  hint: declare"
                        + " revision (and down_revision) as 'alembic revision' writes them, or move the file out of"
                        + " the versions folder");
    }

    @Test
    void theBlogProjectIsAGraphWithABranchADependencyAndAMerge() {
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        AlembicProject project = AlembicProject.read(BLOG.toAbsolutePath(), problems, notes);
        assertThat(problems).isEmpty();
        assertThat(notes).isEmpty();
        assertThat(project.versionTable()).isEqualTo("alembic_version");
        assertThat(project.nodes()).extracting(AlembicProject.Node::id).containsExactly(
                "1a2b3c4d5e6f_create_users", "2b3c4d5e6f70_users_email_index", "3c4d5e6f7081_create_posts",
                "4d5e6f708192_create_tags", "5e6f708192a3_post_tags", "6f708192a3b4_post_titles_view",
                "708192a3b4c5_merge_content_and_tagging", "8192a3b4c5d6_posts_title_index");
        AlembicProject.Node tags = project.nodes().get(4);
        assertThat(tags.parents()).containsExactly("4d5e6f708192_create_tags");
        assertThat(tags.dependsOn()).containsExactly("3c4d5e6f7081_create_posts");
        assertThat(project.nodes().get(6).parents())
                .containsExactly("6f708192a3b4_post_titles_view", "5e6f708192a3_post_tags");
        assertThat(project.nodes().get(2).labels()).containsExactly("content");
        assertThat(project.nodes().get(3).labels()).containsExactly("tagging");
    }

    @Test
    void brokenGraphsAreRefusedAtTheScript() throws IOException {
        Path project = dir.resolve("p");
        Files.createDirectories(project.resolve("m/versions"));
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = m\n");
        Files.writeString(project.resolve("m/env.py"), "");
        Files.writeString(project.resolve("m/versions/a_first.py"), "revision = 'a'\ndown_revision = 'c'\n");
        Files.writeString(project.resolve("m/versions/b_second.py"), "revision = 'b'\ndown_revision = 'a'\n"
                + "depends_on = 'nolabel'\n");
        Files.writeString(project.resolve("m/versions/c_third.py"), "revision = 'c'\ndown_revision = 'b'\n");
        Files.writeString(project.resolve("m/versions/d_again.py"), "revision = 'c'\ndown_revision = 'zz'\n");
        assertThatThrownBy(() -> Graft.importChangelog(new ImportRequest("alembic", project, dir.resolve("c.yaml"),
                DialectId.SQLITE, false, true)))
                .isInstanceOf(ChangelogException.class)
                .satisfies(e -> assertThat(((ChangelogException) e).problems()).extracting(Problem::render)
                        .anyMatch(p -> p.contains("m/versions/d_again.py:1:1: revision 'c' is declared twice: here"
                                + " and in "))
                        .anyMatch(p -> p.contains("m/versions/b_second.py:1:1: depends_on 'nolabel' is neither a"
                                + " revision nor a branch label of this project"))
                        .anyMatch(p -> p.contains("m/versions/a_first.py:1:1: the revisions [a, b, c] form a cycle")));
        assertThat(dir.resolve("c.yaml")).doesNotExist();
    }

    @Test
    void withoutDialectTheUrlSchemeDecidesAndThePasswordIsNeverShown() throws IOException {
        Path project = dir.resolve("p");
        Files.createDirectories(project.resolve("m/versions"));
        Files.writeString(project.resolve("alembic.ini"),
                "[alembic]\nscript_location = m\nsqlalchemy.url = driver://app:hunter2@db/app\n");
        Files.writeString(project.resolve("m/env.py"), "");
        Files.writeString(project.resolve("m/versions/a.py"), "revision = 'a'\ndown_revision = None\n");
        assertThatThrownBy(() -> Graft.importChangelog(new ImportRequest("alembic", project, dir.resolve("c.yaml"),
                null, false, false)))
                .isInstanceOf(ChangelogException.class)
                .hasMessageContaining("alembic.ini:3:1: cannot tell which database to render the SQL for:"
                        + " sqlalchemy.url is a 'driver' URL")
                .hasMessageContaining("--dialect postgresql, sqlite or mysql")
                .hasMessageNotContaining("hunter2");
        AlembicIni ini = AlembicIni.parse("[alembic]\nsqlalchemy.url = postgresql+psycopg2://u:p@h/d\n", "x", "/");
        assertThat(AlembicTool.offlineUrl(ini, DialectId.POSTGRESQL)).isEqualTo("postgresql+psycopg2://");
        assertThat(AlembicTool.offlineUrl(ini, DialectId.MYSQL)).isEqualTo("mysql://");
    }

    @Test
    void withoutAlembicTheImportSaysHowToInstallIt() {
        assertThatThrownBy(() -> AlembicCommand.find(BLOG, List.of("/nonexistent/python3")))
                .isInstanceOf(ChangelogException.class)
                .hasMessageContaining("Alembic is not installed: importing runs the project's Alembic in offline mode"
                        + " (--sql) to get each revision's SQL, and no Python here can import alembic (tried"
                        + " /nonexistent/python3)")
                .hasMessageContaining("hint: install it (pip install alembic; on Debian or Ubuntu: apt-get install"
                        + " python3-alembic), or set GRAFT_ALEMBIC_PYTHON to the Python of the project's virtualenv");
    }

    @Test
    void alembicsOfflineOutputIsCutAtItsStepMarkers() {
        String out = """
                BEGIN;

                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> a1

                CREATE TABLE t (s TEXT DEFAULT '
                -- Running upgrade a1 -> zz
                ');

                INSERT INTO alembic_version (version_num) VALUES ('a1') RETURNING alembic_version.version_num;

                -- Running upgrade a1 -> b2

                COMMIT;

                CREATE INDEX CONCURRENTLY ix ON t (s);

                BEGIN;

                UPDATE "public"."alembic_version" SET version_num='b2' WHERE alembic_version.version_num = 'a1';

                INSERT INTO alembic_versions VALUES (1);

                COMMIT;
                """;
        AlembicSql.Run run = AlembicSql.parse(out, DialectId.POSTGRESQL, "alembic_version", true);
        assertThat(run.steps()).containsOnlyKeys("a1", "b2");
        assertThat(run.steps().get("a1").statements()).containsExactly(
                "CREATE TABLE t (s TEXT DEFAULT '\n-- Running upgrade a1 -> zz\n')");
        assertThat(run.steps().get("a1").outsideTransaction()).isFalse();
        assertThat(run.steps().get("b2").statements()).containsExactly("CREATE INDEX CONCURRENTLY ix ON t (s)",
                "INSERT INTO alembic_versions VALUES (1)");
        assertThat(run.steps().get("b2").outsideTransaction()).isTrue();
        assertThat(run.last()).isEqualTo("b2");
    }

    @Test
    void theBlogProjectImportsWithTheSqlAlembicRenders() throws IOException {
        AlembicAvailability.require();
        Path out = dir.resolve("pg/changelog.yaml");
        ImportResult result = Graft.importChangelog(new ImportRequest("alembic", BLOG, out, DialectId.POSTGRESQL,
                false, false));
        assertThat(result.revisions()).isEqualTo(8);
        assertThat(result.notes()).extracting(Problem::render).containsExactly(
                BLOG.resolve("migrations/versions/8192a3b4c5d6_posts_title_index.py") + ":20:1: runs outside a"
                        + " transaction ('transaction: false'): Alembic ran part of it in an autocommit_block()");
        Changelog changelog;
        try (Graft graft = Graft.builder().changelog(out).build()) {
            changelog = graft.validate();
        }
        List<Revision> revisions = changelog.revisions();
        assertThat(revisions.get(0).description()).isEqualTo("create users");
        assertThat(revisions.get(4).dependsOn()).containsExactly("3c4d5e6f7081_create_posts");
        assertThat(revisions.get(2).labels()).containsExactly("content");
        assertThat(revisions.get(7).transactional()).isFalse();
        assertThat(revisions).allMatch(r -> r.down() != null);
        Path sql = out.resolveSibling("sql");
        String users = Files.readString(sql.resolve("1a2b3c4d5e6f_create_users.up.sql"));
        assertThat(users).startsWith("-- migrations/versions/1a2b3c4d5e6f_create_users.py: upgrade() as 'alembic"
                + " upgrade --sql' renders it for postgresql (Alembic 1.").contains("CREATE TABLE users (");
        try (Stream<Path> files = Files.list(sql)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContainIgnoringCase("alembic_version")
                        .doesNotContain("BEGIN;").doesNotContain("COMMIT;");
            }
        }
        assertThat(Files.readString(sql.resolve("708192a3b4c5_merge_content_and_tagging.up.sql")).lines()
                .filter(l -> !l.startsWith("--") && !l.isBlank())).isEmpty();
        assertThat(Files.readString(sql.resolve("8192a3b4c5d6_posts_title_index.up.sql")))
                .contains("CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);");
        assertThat(Files.readString(sql.resolve("6f708192a3b4_post_titles_view.down.sql")))
                .contains("DROP VIEW post_titles;");
        String manifest = Files.readString(out.resolveSibling("graft-import-alembic.json"));
        assertThat(manifest).contains("\"version\" : \"5e6f708192a3\"").contains("\"table\" : \"alembic_version\"");
        try (Stream<Path> files = Files.walk(BLOG)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("__pycache__")))
                    .as("no bytecode written into the project").isEmpty();
        }
    }

    /** A project in {@code dir/p} with the given env.py and scripts (file name, text). */
    private Path project(String env, String... scripts) throws IOException {
        Path project = dir.resolve("p");
        Files.createDirectories(project.resolve("m/versions"));
        Files.writeString(project.resolve("alembic.ini"), Files.readString(BLOG.resolve("alembic.ini"))
                .replace("script_location = %(here)s/migrations", "script_location = m"));
        Files.copy(BLOG.resolve("migrations/env.py"), project.resolve("m/env.py"));
        if (env != null) {
            Files.writeString(project.resolve("m/env.py"), env);
        }
        for (int i = 0; i < scripts.length; i += 2) {
            Files.writeString(project.resolve("m/versions").resolve(scripts[i]), scripts[i + 1]);
        }
        return project;
    }

    private static String script(String revision, String down, String upgrade, String downgrade) {
        return "revision = '" + revision + "'\ndown_revision = " + (down == null ? "None" : "'" + down + "'")
                + "\n\nfrom alembic import op\n\n\ndef upgrade():\n    " + upgrade + "\n\n\ndef downgrade():\n    "
                + downgrade + "\n";
    }

    @Test
    void whatAlembicCannotRenderOfflineIsReportedAtTheScriptsLine() throws IOException {
        AlembicAvailability.require();
        Path project = project(null,
                "a_first.py", script("a", null, "op.execute('CREATE TABLE a (id INTEGER)')", "op.execute('DROP TABLE a')"),
                "b_second.py", script("b", "a", "raise ValueError('needs the rows of a')", "pass"),
                "c_third.py", script("c", "b", "op.execute('CREATE TABLE c (id INTEGER)')", "raise NotImplementedError()"));
        Path out = dir.resolve("out/changelog.yaml");
        assertThatThrownBy(() -> Graft.importChangelog(new ImportRequest("alembic", project, out, DialectId.SQLITE,
                false, false)))
                .isInstanceOf(ChangelogException.class)
                .satisfies(e -> assertThat(((ChangelogException) e).problems()).extracting(Problem::render)
                        .containsExactly(AlembicProject.display(project.resolve("m/versions/b_second.py")) + ":8:1:"
                                + " Alembic cannot render the upgrade of revision b in offline mode ('alembic upgrade"
                                + " heads --sql'): ValueError: needs the rows of a\n  hint: make upgrade() work with"
                                + " --sql (no queries whose results it reads), or import with --skip-unsupported and"
                                + " write its SQL by hand"));
        assertThat(out).doesNotExist();

        ImportResult result = Graft.importChangelog(new ImportRequest("alembic", project, out, DialectId.SQLITE,
                false, true));
        assertThat(result.notes()).extracting(Problem::render).anyMatch(n -> n.contains("b_second.py:8:1: Alembic"
                + " cannot render the upgrade of revision b"))
                .anyMatch(n -> n.contains("c_third.py:12:1: downgrade() raises NotImplementedError: the revision is"
                        + " imported without a down file (irreversible)"));
        Path sql = out.resolveSibling("sql");
        assertThat(Files.readString(sql.resolve("b_second.up.sql"))).contains("-- NOT IMPORTED: Alembic could not"
                + " render it").doesNotContain("CREATE");
        assertThat(Files.readString(sql.resolve("c_third.up.sql"))).contains("CREATE TABLE c (id INTEGER);");
        assertThat(Files.readString(sql.resolve("a_first.down.sql"))).contains("DROP TABLE a;");
        assertThat(sql.resolve("c_third.down.sql")).doesNotExist();
    }

    @Test
    void anEnvPyThatFailsOfflineIsReportedAtItsLine() throws IOException {
        AlembicAvailability.require();
        Path project = project("from alembic import context\n\nraise RuntimeError('no DATABASE_URL set')\n",
                "a_first.py", script("a", null, "pass", "pass"));
        assertThatThrownBy(() -> Graft.importChangelog(new ImportRequest("alembic", project, dir.resolve("c.yaml"),
                DialectId.POSTGRESQL, false, true)))
                .isInstanceOf(ChangelogException.class)
                .hasMessageContaining(AlembicProject.display(project.resolve("m/env.py")) + ":3:1: env.py fails in"
                        + " offline mode ('alembic upgrade heads --sql'): RuntimeError: no DATABASE_URL set")
                .hasMessageContaining("hint: env.py must run offline");
    }
}
