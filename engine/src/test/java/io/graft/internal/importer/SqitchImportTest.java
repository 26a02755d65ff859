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
 * {@code graft import sqitch} without a database: the plan read as Sqitch reads it (ids that
 * equal Sqitch's own {@code change_id}s, reworks, tags, notes), the scripts' outer transaction,
 * and each construct Graft cannot carry over reported at its line.
 */
class SqitchImportTest {

    static final Path FLIPR = Path.of("src/test/resources/import/sqitch/flipr");

    /**
     * The {@code change_id}s the real Sqitch (1.3.1) recorded in its registry when it deployed the
     * fixture; {@link SqitchProofTest} checks them against a live registry too.
     */
    static final List<String> CHANGE_IDS = List.of(
            "3e1d07a8e0cd4ab1a623b97f4dbc0de3829fde20",
            "8fbc410529736bc7d74f4e10a0464361f70cd30e",
            "47239ba39a54eb09a90ed6afc31a89bd9286093a",
            "169fd3247b1b0fb98b11307a917dc70aa3459128",
            "d9d9f7a2949895e4f9cd2b0db4d9b7ae0b525a36",
            "e210c70f7308143992cf58a9dcb583ffcb772220");

    static final List<String> IDS = List.of("users", "flips", "user_email", "flips_view_at_v1.1", "flips_view",
            "seed_users");

    @TempDir
    Path dir;

    static ImportResult importFlipr(Path from, Path out, DialectId dialect) {
        return Graft.importChangelog(new ImportRequest("sqitch", from, out, dialect, false, false));
    }

    @Test
    void thePlanIsReadAsSqitchReadsItAndEachIdIsSqitchsChangeId() throws IOException {
        List<Problem> problems = new ArrayList<>();
        SqitchPlan plan = SqitchPlan.parse("sqitch.plan", Files.readAllLines(FLIPR.resolve("sqitch.plan")), problems);
        assertThat(problems).isEmpty();
        assertThat(plan.project).isEqualTo("flipr");
        assertThat(plan.uri).isEqualTo("https://github.com/sqitchers/sqitch-intro/");
        assertThat(plan.changes).extracting(c -> c.name).containsExactly("users", "flips", "user-email", "flips_view",
                "flips_view", "seed_users");
        assertThat(plan.changes).extracting(SqitchPlan.Change::id).containsExactlyElementsOf(CHANGE_IDS);
        SqitchPlan.Change view = plan.changes.get(3);
        assertThat(view.note).isEqualTo("A view of flips\nwith their authors.");
        assertThat(view.reworkTags).extracting(SqitchPlan.Tag::name).containsExactly("v1.1");
        assertThat(plan.changes.get(0).plannerName).isEqualTo("Marge N. O'Vera");
        assertThat(plan.changes.get(4).info()).isEqualTo("""
                project flipr
                uri https://github.com/sqitchers/sqitch-intro/
                change flips_view
                parent 169fd3247b1b0fb98b11307a917dc70aa3459128
                planner Marge N. O'Vera <marge@example.com>
                date 2026-11-04T08:00:00Z
                requires
                  + flips_view@v1.1

                Adds the full name to the view.""");
        assertThat(plan.tags).extracting(SqitchPlan.Tag::name).containsExactly("v1.0", "v1.1");
    }

    @Test
    void dependenciesConflictsAndOtherProjectsAreWrittenAsSqitchWritesThemInTheId() {
        List<Problem> problems = new ArrayList<>();
        SqitchPlan plan = SqitchPlan.parse("p.plan", List.of("%project=p", "", "a 2026-01-01T00:00:00Z A <a@x>",
                "b [a other:thing !old p:a] 2026-01-01T00:00:01Z A <a@x> # with \\\\ a backslash"), problems);
        assertThat(problems).isEmpty();
        assertThat(plan.changes.get(1).info()).isEqualTo("""
                project p
                change b
                parent %s
                planner A <a@x>
                date 2026-01-01T00:00:01Z
                requires
                  + a
                  + other:thing
                  + a
                conflicts
                  - old

                with \\ a backslash""".formatted(plan.changes.get(0).id()));
        assertThat(SqitchPlan.canonical("HTTPS://Example.COM:443")).isEqualTo("https://example.com/");
    }

    @Test
    void syntaxErrorsAreReportedAtTheirLineAsSqitchReportsThem() {
        List<Problem> problems = new ArrayList<>();
        SqitchPlan.parse("sqitch.plan", List.of("%project=p", "", "a 2026-01-01T00:00:00Z A <a@x>", "a 2026-01-01T00:00:00Z A <a@x>",
                "b A <a@x>", "@v1", "c [x y x] 2026-01-01T00:00:00Z A <a@x>"), problems);
        assertThat(problems).extracting(Problem::render).containsExactly(
                "sqitch.plan:4: Syntax error in the plan: Change \"a\" duplicates earlier declaration on line 3\n"
                        + "  hint: correct the line as 'sqitch plan' would accept it (Sqitch refuses this plan too)",
                "sqitch.plan:5: Syntax error in the plan: Missing timestamp\n"
                        + "  hint: correct the line as 'sqitch plan' would accept it (Sqitch refuses this plan too)",
                "sqitch.plan:6: Syntax error in the plan: Missing timestamp and planner name and email\n"
                        + "  hint: correct the line as 'sqitch plan' would accept it (Sqitch refuses this plan too)",
                "sqitch.plan:7: Syntax error in the plan: Duplicate dependency \"x\"\n"
                        + "  hint: correct the line as 'sqitch plan' would accept it (Sqitch refuses this plan too)");
    }

    @Test
    void theFliprProjectBecomesALineWithLabelsAndTheReworkedChangeTwice() throws IOException {
        ImportResult result = importFlipr(FLIPR, dir.resolve("changelog.yaml"), null);
        assertThat(result.revisions()).isEqualTo(6);
        assertThat(result.notes()).extracting(Problem::message).contains(
                "has no BEGIN/COMMIT, so Sqitch's client ran its statements one by one: revision seed_users runs with"
                        + " 'transaction: false' the same way",
                "verify script of users kept beside the revision's SQL (verify/users.sql); Graft does not run it: the"
                        + " changelog has no key for it");

        Changelog changelog;
        try (Graft graft = Graft.builder().changelog(dir.resolve("changelog.yaml")).build()) {
            changelog = graft.validate();
        }
        List<Revision> revisions = changelog.revisions();
        assertThat(revisions).extracting(Revision::id).containsExactlyElementsOf(IDS);
        assertThat(revisions).extracting(r -> r.parents().isEmpty() ? "-" : r.parents().get(0)).containsExactly("-",
                "users", "flips", "user_email", "flips_view_at_v1.1", "flips_view");
        assertThat(revisions).allMatch(r -> r.dependsOn().isEmpty());
        assertThat(revisions.get(1).labels()).containsExactly("v1.0");
        assertThat(revisions.get(3).labels()).containsExactly("v1.1");
        assertThat(revisions.get(3).description()).isEqualTo("A view of flips\nwith their authors.");
        assertThat(revisions.get(3).up().common()).isEqualTo("sql/deploy/flips_view@v1.1.sql");
        assertThat(revisions.get(4).up().common()).isEqualTo("sql/deploy/flips_view.sql");
        assertThat(revisions.get(4).down().common()).isEqualTo("sql/revert/flips_view.sql");
        assertThat(revisions).extracting(Revision::transactional).containsExactly(true, true, true, true, true, false);
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("dialects: [postgresql]");

        String users = Files.readString(dir.resolve("sql/deploy/users.sql"));
        assertThat(users).isEqualTo(Files.readString(FLIPR.resolve("deploy/users.sql"))
                .replace("BEGIN;", "-- BEGIN;  (taken out on import: Graft runs the revision in its own transaction)")
                .replace("COMMIT;", "-- COMMIT;  (taken out on import: Graft runs the revision in its own transaction)"));
        assertThat(Files.readString(dir.resolve("sql/deploy/seed_users.sql")))
                .isEqualTo(Files.readString(FLIPR.resolve("deploy/seed_users.sql")));
        assertThat(Files.readString(dir.resolve("sql/verify/users.sql")))
                .isEqualTo(Files.readString(FLIPR.resolve("verify/users.sql")));

        ImportManifest manifest = ImportManifest.read(dir.resolve("changelog.yaml"), "sqitch");
        assertThat(manifest.schema()).isEqualTo("sqitch");
        assertThat(manifest.table()).isEqualTo("changes");
        assertThat(manifest.revisions()).extracting(e -> e.extra().get("change_id")).containsExactlyElementsOf(CHANGE_IDS);
        ImportManifest.Entry old = manifest.revisions().get(3);
        assertThat(old.description()).isEqualTo("flips_view");
        assertThat(old.script()).isEqualTo("deploy/flips_view@v1.1.sql");
        assertThat(old.checksum()).isEqualTo(SqitchPlan.sha1(Files.readAllBytes(FLIPR.resolve("deploy/flips_view@v1.1.sql"))));
        assertThat(old.extra()).containsEntry("project", "flipr").containsEntry("rework_tag", "v1.1");
    }

    @Test
    void withADialectTheEngineSectionOfSqitchConfIsUsed() throws IOException {
        Path project = copyOfFlipr();
        Files.writeString(project.resolve("sqitch.conf"), """
                [core]
                \tengine = pg
                [engine "sqlite"]
                \tregistry = reg.sqlite  # a file beside the database
                \ttop_dir = .
                """);
        importFlipr(project, dir.resolve("out/changelog.yaml"), DialectId.SQLITE);
        assertThat(Files.readString(dir.resolve("out/changelog.yaml"))).contains("dialects: [sqlite]");
        assertThat(ImportManifest.read(dir.resolve("out/changelog.yaml"), "sqitch").schema()).isEqualTo("reg.sqlite");
        assertThat(SqitchAdoption.registryFile(Path.of("/data/app.db"), "sqitch")).isEqualTo(Path.of("/data/sqitch.db"));
        assertThat(SqitchAdoption.registryFile(Path.of("/data/app.db"), "reg.sqlite"))
                .isEqualTo(Path.of("/data/reg.sqlite"));
        assertThat(SqitchAdoption.registryFile(Path.of("/data/app"), "sqitch")).isEqualTo(Path.of("/data/sqitch"));
        assertThat(SqitchAdoption.registryFile(Path.of("/data/app.db"), "/r/x.db")).isEqualTo(Path.of("/r/x.db"));
    }

    @Test
    void whatGraftCannotDoIsReportedEachAtItsLineUnlessSkipped() throws IOException {
        Path project = copyOfFlipr();
        Files.writeString(project.resolve("sqitch.plan"), Files.readString(project.resolve("sqitch.plan"))
                + "grants [!seed_users other:roles] 2026-11-05T08:00:00Z Marge <m@x> # Grants.\n");
        Files.writeString(project.resolve("deploy/grants.sql"), """
                \\set reader app_reader
                BEGIN;
                GRANT SELECT ON flips TO :"reader";
                COMMIT;
                SELECT 1;
                """);
        Path plan = project.resolve("sqitch.plan");
        Path grants = project.resolve("deploy/grants.sql");
        assertThatThrownBy(() -> importFlipr(project, dir.resolve("changelog.yaml"), null))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.where() + ": " + p.message()).containsExactly(
                                plan + ":15: change 'grants' conflicts with 'seed_users' (Sqitch refuses to deploy it"
                                        + " while that one is deployed); Graft has no conflicts",
                                plan + ":15: change 'grants' requires 'other:roles' of another project, which Sqitch"
                                        + " checks in its registry at deploy; a Graft changelog has only its own revisions",
                                grants + ":1: psql meta-command \\set runs in psql only: Graft sends the statements to"
                                        + " the database itself",
                                grants + ":3: psql variable :\"reader\" is filled in by psql (from Sqitch's --set or the"
                                        + " target's variables); Graft runs the SQL as written"));
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();

        Files.writeString(grants, "BEGIN;\nGRANT SELECT ON flips TO PUBLIC;\nCOMMIT;\nSELECT 1;\n");
        assertThatThrownBy(() -> importFlipr(project, dir.resolve("changelog.yaml"), null))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.where() + ": " + p.message()).contains(
                                grants + ":1:1: 'BEGIN' controls the transaction in the middle of the script; Graft runs"
                                        + " a revision in one transaction (or, with 'transaction: false', statement by"
                                        + " statement)",
                                grants + ":3:1: 'COMMIT' controls the transaction in the middle of the script; Graft"
                                        + " runs a revision in one transaction (or, with 'transaction: false', statement"
                                        + " by statement)"));

        ImportResult skipped = Graft.importChangelog(new ImportRequest("sqitch", project, dir.resolve("changelog.yaml"),
                null, false, true));
        assertThat(skipped.revisions()).isEqualTo(7);
        assertThat(skipped.notes()).extracting(Problem::message).anyMatch(m -> m.contains("conflicts with 'seed_users'"));
    }

    @Test
    void aDependencyThatIsNotPlannedBeforeItsChangeIsRefusedAsSqitchRefusesIt() throws IOException {
        Path project = copyOfFlipr();
        Path plan = project.resolve("sqitch.plan");
        Files.writeString(plan, Files.readString(plan).replace("flips [users]", "flips [users user-email]"));
        assertThatThrownBy(() -> importFlipr(project, dir.resolve("changelog.yaml"), null))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::render).containsExactly(plan + ":6: change 'flips' requires 'user-email',"
                                + " which is not planned before it (Sqitch refuses this plan too)\n"
                                + "  hint: move 'flips' below the change it requires, or correct the dependency"));
    }

    @Test
    void aProjectWithoutAnEngineNeedsADialect() throws IOException {
        Path project = copyOfFlipr();
        Files.delete(project.resolve("sqitch.conf"));
        assertThatThrownBy(() -> importFlipr(project, dir.resolve("changelog.yaml"), null))
                .isInstanceOf(ChangelogException.class)
                .hasMessageContaining("sqitch.conf names no engine").hasMessageContaining("pass --dialect");
        assertThat(importFlipr(project, dir.resolve("changelog.yaml"), DialectId.MYSQL).revisions()).isEqualTo(6);
    }

    Path copyOfFlipr() throws IOException {
        Path target = dir.resolve("flipr");
        copy(FLIPR, target);
        return target;
    }

    static void copy(Path from, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }
}
