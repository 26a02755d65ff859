package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.cli.CliRun;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Targets as a user types them on the command line, on every database. */
class TargetsCommandTest {

    @TempDir
    Path dir;

    private static CliRun.Result graft(TestDatabase db, Path changelog, String... command) {
        List<String> args = new ArrayList<>(List.of("--url", db.url()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null && !db.password().isEmpty()) {
            args.addAll(List.of("--password", db.password()));
        }
        args.addAll(List.of("-c", changelog.toString()));
        args.addAll(List.of(command));
        return new CliRun(changelog.getParent()).run(args.toArray(String[]::new));
    }

    private static String table(String id) {
        return "CREATE TABLE t_" + id + " (n INTEGER);\n";
    }

    private static String drop(String id) {
        return "DROP TABLE t_" + id + ";\n";
    }

    private ChangelogFixture revision(ChangelogFixture f, String id, String... parents) {
        return f.revision(id, List.of(parents), table(id), drop(id));
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void theNamePartOfATimestampedIdIsATarget(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            ChangelogFixture f = ChangelogFixture.in(dir);
            revision(f, "20261201213630_add_posts");
            revision(f, "20261201213702_add_users", "20261201213630_add_posts");
            revision(f, "20261202080000_add_tags", "20261201213702_add_users");
            revision(f, "20261203090000_add_posts", "20261202080000_add_tags");
            Path changelog = f.save();

            CliRun.Result up = graft(db, changelog, "up", "add_users");
            assertThat(up.exitCode()).as(up.all()).isZero();
            assertThat(db.appliedIds()).containsExactlyInAnyOrder("20261201213630_add_posts", "20261201213702_add_users");

            CliRun.Result ambiguous = graft(db, changelog, "up", "add_posts");
            assertThat(ambiguous.exitCode()).as(ambiguous.all()).isEqualTo(2);
            assertThat(ambiguous.err()).contains("ambiguous target 'add_posts': 'add_posts' is the name part of several"
                    + " revisions: '20261201213630_add_posts', '20261203090000_add_posts'")
                    .contains("hint: name one by its whole id, or by a prefix of 4+ characters of it")
                    .doesNotContain("Exception");

            CliRun.Result prefix = graft(db, changelog, "up", "2026120208");
            assertThat(prefix.exitCode()).as(prefix.all()).isZero();
            assertThat(db.appliedIds()).hasSize(3);

            CliRun.Result ambiguousPrefix = graft(db, changelog, "down", "20261201");
            assertThat(ambiguousPrefix.exitCode()).as(ambiguousPrefix.all()).isEqualTo(2);
            assertThat(ambiguousPrefix.err()).contains("ambiguous target '20261201': '20261201' is a prefix of several"
                    + " revisions: '20261201213630_add_posts', '20261201213702_add_users'")
                    .contains("hint: give more characters of the id");

            CliRun.Result down = graft(db, changelog, "down", "add_users");
            assertThat(down.exitCode()).as(down.all()).isZero();
            assertThat(db.appliedIds()).containsExactlyInAnyOrder("20261201213630_add_posts", "20261201213702_add_users");
            assertThat(db.userTables()).containsExactlyInAnyOrder("t_20261201213630_add_posts",
                    "t_20261201213702_add_users");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void downOneAtAMergeRevertsTheMergeAloneAndDownTwoSaysWhichSideToTake(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            ChangelogFixture f = ChangelogFixture.in(dir);
            revision(f, "0001_accounts", new String[0]).revision("0002_billing", List.of("0001_accounts"),
                    table("0002_billing"), drop("0002_billing"), "labels: [billing]");
            revision(f, "0003_invoices", "0002_billing");
            f.revision("0002_search", List.of("0001_accounts"), table("0002_search"), drop("0002_search"),
                    "labels: [search]");
            revision(f, "0003_ranking", "0002_search");
            revision(f, "0004_merge", "0003_invoices", "0003_ranking");
            Path changelog = f.save();
            assertThat(graft(db, changelog, "up").exitCode()).isZero();

            CliRun.Result twoBack = graft(db, changelog, "down", "-2");
            assertThat(twoBack.exitCode()).as(twoBack.all()).isEqualTo(2);
            assertThat(twoBack.err()).contains("'-2' is ambiguous: '0004_merge' is a merge of '0003_invoices',"
                    + " '0003_ranking'; a step back over it reverts it alone, and the next step must choose one of its"
                    + " parents")
                    .contains("hint: '-1' goes back over the merge alone, leaving '0003_invoices', '0003_ranking' as"
                            + " current heads; to go further, choose a side: 'billing@-2' or '0003_invoices-1' (through"
                            + " '0003_invoices'), 'search@-2' or '0003_ranking-1' (through '0003_ranking')")
                    .doesNotContain("Exception");
            assertThat(db.appliedIds()).hasSize(6);

            CliRun.Result oneBack = graft(db, changelog, "down", "-1");
            assertThat(oneBack.exitCode()).as(oneBack.all()).isZero();
            assertThat(db.appliedIds()).containsExactlyInAnyOrder("0001_accounts", "0002_billing", "0003_invoices",
                    "0002_search", "0003_ranking");
            assertThat(db.userTables()).doesNotContain("t_0004_merge").contains("t_0003_invoices", "t_0003_ranking");
            CliRun.Result current = graft(db, changelog, "current");
            assertThat(current.out()).contains("0003_invoices").contains("0003_ranking").doesNotContain("0004_merge");

            CliRun.Result again = graft(db, changelog, "down", "-1");
            assertThat(again.exitCode()).as(again.all()).isEqualTo(2);
            assertThat(again.err()).contains("'-1' is ambiguous: several revisions are current: '0003_invoices',"
                    + " '0003_ranking'")
                    .contains("hint: step from one of them: 'billing@-1' or '0003_invoices-1' (from '0003_invoices'),"
                            + " 'search@-1' or '0003_ranking-1' (from '0003_ranking')");

            CliRun.Result oneSide = graft(db, changelog, "down", "search@-1");
            assertThat(oneSide.exitCode()).as(oneSide.all()).isZero();
            assertThat(db.appliedIds()).containsExactlyInAnyOrder("0001_accounts", "0002_billing", "0003_invoices",
                    "0002_search");

            assertThat(graft(db, changelog, "up").exitCode()).isZero();
            CliRun.Result billingSide = graft(db, changelog, "down", "billing@-2");
            assertThat(billingSide.exitCode()).as(billingSide.all()).isZero();
            assertThat(db.appliedIds()).containsExactlyInAnyOrder("0001_accounts", "0002_billing", "0002_search",
                    "0003_ranking");
        }
    }
}
