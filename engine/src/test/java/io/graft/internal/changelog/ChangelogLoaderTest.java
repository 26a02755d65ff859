package io.graft.internal.changelog;

import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.changelog.DialectId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One fixture folder per case under {@code src/test/resources/changelog/}. Messages are pinned
 * as a user sees them, with the fixture folder cut off the front of each path.
 */
class ChangelogLoaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/changelog");

    private static LoadedChangelog load(String fixture) {
        assertThat(FIXTURES.resolve(fixture)).isDirectory();
        return load(FIXTURES.resolve(fixture).resolve("changelog.yaml"));
    }

    /** The load pipeline, every file checked, as the commands that run SQL use it. */
    private static LoadedChangelog load(Path changelog) {
        return ChangelogLoader.loadGraph(changelog, FileChecks.FULL);
    }

    /** Every problem of the fixture, rendered, with paths relative to the fixture folder. */
    private static List<String> problems(String fixture) {
        return rendered(load(fixture).problems(), FIXTURES.resolve(fixture));
    }

    private static List<String> rendered(List<Problem> problems, Path folder) {
        String prefix = folder + "/";
        return problems.stream().map(p -> p.render().replace(prefix, "")).toList();
    }

    // --- valid changelogs -------------------------------------------------------------------

    @Test
    void loadsTheSmallestChangelog() {
        LoadedChangelog result = load("valid_minimal");

        assertThat(result.problems()).isEmpty();
        assertThat(result.isValid()).isTrue();
        Changelog changelog = result.changelog();
        assertThat(changelog.format()).isEqualTo(1);
        assertThat(changelog.dialects()).isEmpty();
        assertThat(changelog.baseDir()).isEqualTo(FIXTURES.resolve("valid_minimal").toAbsolutePath());
        assertThat(changelog.resolve("sql/0001.up.sql")).isRegularFile();
        Revision r = changelog.revisions().get(0);
        assertThat(r.id()).isEqualTo("0001_init");
        assertThat(r.isRoot()).isTrue();
        assertThat(r.up().common()).isEqualTo("sql/0001.up.sql");
        assertThat(r.down()).isNull();
        assertThat(r.transactional()).isTrue();
        assertThat(r.description()).isNull();
        String file = FIXTURES.resolve("valid_minimal/changelog.yaml").toString();
        assertThat(r.span()).isEqualTo(new SourceSpan(file, 3, 5));
        assertThat(r.spanOf("id")).isEqualTo(new SourceSpan(file, 3, 9));
        assertThat(r.spanOf("up")).isEqualTo(new SourceSpan(file, 5, 9));
        assertThat(r.up().span()).isEqualTo(new SourceSpan(file, 5, 9));
    }

    @Test
    void loadsAnEmptyListOfRevisions() {
        LoadedChangelog result = load("valid_empty");

        assertThat(result.problems()).isEmpty();
        assertThat(result.changelog().revisions()).isEmpty();
    }

    @Test
    void loadsEveryFieldOfTheFormat() {
        LoadedChangelog result = load("valid_full");

        assertThat(result.problems()).isEmpty();
        Changelog changelog = result.changelog();
        assertThat(changelog.dialects()).containsExactlyInAnyOrder(DialectId.POSTGRESQL, DialectId.SQLITE);
        assertThat(changelog.revisions()).extracting(Revision::id)
                .containsExactly("0001_create_users", "auth.0003", "0002_orders", "0003_merge");

        Revision users = changelog.revisions().get(0);
        assertThat(users.description()).isEqualTo("Create users");
        assertThat(users.labels()).containsExactly("core");
        assertThat(users.down().common()).isEqualTo("sql/0001.down.sql");

        Revision auth = changelog.revisions().get(1);
        assertThat(auth.transactional()).isFalse();
        assertThat(auth.labels()).containsExactly("auth", "v1.0");
        assertThat(auth.spanOf("labels[1]").line()).isEqualTo(13);
        assertThat(auth.spanOf("transaction").line()).isEqualTo(15);

        Revision orders = changelog.revisions().get(2);
        assertThat(orders.parents()).containsExactly("0001_create_users");
        assertThat(orders.dependsOn()).containsExactly("auth.0003");
        assertThat(orders.spanOf("depends_on[0]").line()).isEqualTo(18);
        assertThat(orders.up().isPerDialect()).isTrue();
        assertThat(orders.up().pathFor(DialectId.SQLITE)).hasValue("sql/0002.sqlite.up.sql");
        assertThat(orders.up().covers(DialectId.MYSQL)).isFalse();
        assertThat(orders.down().dialects()).containsExactlyInAnyOrder(DialectId.POSTGRESQL, DialectId.SQLITE);
        assertThat(orders.spanOf("up.sqlite").line()).isEqualTo(21);
        assertThat(orders.spanOf("up.sqlite").column()).isEqualTo(15);
        assertThat(orders.transactional()).isTrue();

        Revision merge = changelog.revisions().get(3);
        assertThat(merge.isMerge()).isTrue();
        assertThat(merge.parents()).containsExactly("0002_orders", "auth.0003");
        assertThat(merge.description()).isEqualTo("Merge: orders and auth");
        assertThat(merge.up().common()).isEqualTo("sql/empty.sql");
    }

    @Test
    void thePipelineReturnsAValidChangelog() {
        Changelog changelog = ChangelogLoader.loadGraph(FIXTURES.resolve("valid_minimal/changelog.yaml"), FileChecks.FULL)
                .orThrow().changelog();
        assertThat(changelog.revisions()).hasSize(1);
    }

    @Test
    void thePipelineCarriesEveryProblem() {
        assertThatThrownBy(() -> ChangelogLoader.loadGraph(FIXTURES.resolve("several_problems/changelog.yaml"),
                FileChecks.FULL).orThrow())
                .isInstanceOfSatisfying(ChangelogException.class,
                        e -> assertThat(e.problems()).hasSize(6));
    }

    // --- the keys and their values ------------------------------------------------------------

    @Test
    void unknownKeyOffersTheKeyMeant() {
        assertThat(problems("unknown_key")).containsExactly(
                "changelog.yaml:7:5: unknown key 'parnets' in revision '0002_x'\n"
                        + "  hint: did you mean 'parents'?",
                "changelog.yaml:9:5: unknown key 'frobnicate' in revision '0002_x'\n"
                        + "  hint: allowed keys: id, parents, description, labels, depends_on, up, down, test, transaction, replaces,"
                        + " repeatable");
    }

    @Test
    void unknownTopLevelKeyOffersTheKeyMeant() {
        assertThat(problems("unknown_top_level_key")).containsExactly(
                "changelog.yaml:2:1: unknown key 'revison' at the top level\n  hint: did you mean 'revisions'?");
    }

    @Test
    void duplicateKeyPointsAtTheSecond() {
        LoadedChangelog result = load("duplicate_key");

        assertThat(rendered(result.problems(), FIXTURES.resolve("duplicate_key"))).containsExactly(
                "changelog.yaml:6:5: duplicate key 'up'\n  hint: 'up' is already set at line 5; keep one of them");
        assertThat(result.changelog().revisions().get(0).up().common()).isEqualTo("sql/0001.up.sql");
    }

    @Test
    void wrongTypesNameTheValueAndWhatItShouldBe() {
        assertThat(problems("wrong_types")).containsExactly(
                "changelog.yaml:7:15: 'parents[0]' in revision '0002_x' must be text, not 0001\n"
                        + "  hint: write it in quotes: '0001'",
                "changelog.yaml:8:18: 'description' in revision '0002_x' must be text, not a list",
                "changelog.yaml:9:13: 'labels' in revision '0002_x' must be a list, not \"core\"\n"
                        + "  hint: write a list: [core]",
                "changelog.yaml:11:18: 'transaction' in revision '0002_x' must be true or false, not \"yes\"");
    }

    @Test
    void missingRequiredKeysAreEachReported() {
        LoadedChangelog result = load("missing_required");

        assertThat(rendered(result.problems(), FIXTURES.resolve("missing_required"))).containsExactly(
                "changelog.yaml:3:5: 'parents' is required in revision '0001_init'\n"
                        + "  hint: write 'parents: []' for a root revision",
                "changelog.yaml:3:5: 'up' is required in revision '0001_init'\n"
                        + "  hint: name the SQL file that applies the revision, relative to the changelog's folder",
                "changelog.yaml:5:5: 'id' is required in revision #2\n"
                        + "  hint: give the revision an id of letters, digits, '_' and '.'");
        assertThat(result.changelog()).isNull();
    }

    @Test
    void missingRevisionsListIsReported() {
        assertThat(problems("missing_revisions")).containsExactly(
                "changelog.yaml:1:1: 'revisions' is required\n"
                        + "  hint: add 'revisions:' with a list of revisions, or 'revisions: []'");
    }

    @Test
    void otherFormatVersionsAreRefused() {
        LoadedChangelog result = load("format_2");

        assertThat(rendered(result.problems(), FIXTURES.resolve("format_2"))).containsExactly(
                "changelog.yaml:1:12: unsupported changelog format 2\n"
                        + "  hint: this version of Graft reads format 1: 'changelog: 1'");
        assertThat(result.changelog()).isNull();
    }

    @Test
    void notAMappingIsRefused() {
        assertThat(problems("not_a_mapping")).containsExactly(
                "changelog.yaml:1:1: the changelog must be a mapping, not a list\n"
                        + "  hint: start it with 'changelog: 1' and 'revisions:'");
    }

    @Test
    void unknownDialectsOfferTheDialectMeant() {
        assertThat(problems("unknown_dialect")).containsExactly(
                "changelog.yaml:2:12: unknown dialect 'postgres'\n  hint: did you mean 'postgresql'?",
                "changelog.yaml:2:22: unknown dialect 'mariadb'\n  hint: use 'mysql' for MySQL and MariaDB",
                "changelog.yaml:7:7: unknown dialect 'sqlit' in 'up' of revision '0001_init'\n"
                        + "  hint: did you mean 'sqlite'?");
    }

    // --- ids --------------------------------------------------------------------------------

    @Test
    void invalidIdsAreReportedWithAFixAndBuiltFixed() {
        LoadedChangelog result = load("invalid_id");

        assertThat(rendered(result.problems(), FIXTURES.resolve("invalid_id"))).containsExactly(
                "changelog.yaml:3:9: invalid revision id 'add-users'\n"
                        + "  hint: did you mean 'add_users'? '-' '+' '@' ':' are target syntax",
                "changelog.yaml:7:15: invalid parent 'add-users' in revision 'add.orders'\n"
                        + "  hint: did you mean 'add_users'? '-' '+' '@' ':' are target syntax",
                "changelog.yaml:8:14: invalid label 'v1@x' in revision 'add.orders'\n"
                        + "  hint: did you mean 'v1_x'? '-' '+' '@' ':' are target syntax");
        List<Revision> revisions = result.changelog().revisions();
        assertThat(revisions).extracting(Revision::id).containsExactly("add_users", "add.orders");
        assertThat(revisions.get(1).parents()).containsExactly("add_users");
        assertThat(revisions.get(1).labels()).containsExactly("v1_x");
    }

    @Test
    void sanitizeKeepsValidCharactersAndLength() {
        assertThat(RevisionReader.sanitize("a b/c:d")).isEqualTo("a_b_c_d");
        assertThat(RevisionReader.sanitize("café")).isEqualTo("caf_");
        assertThat(RevisionReader.sanitize("x".repeat(200))).hasSize(128);
    }

    @Test
    void selfParentIsReportedAndDropped() {
        LoadedChangelog result = load("self_parent");

        assertThat(rendered(result.problems(), FIXTURES.resolve("self_parent"))).containsExactly(
                "changelog.yaml:7:26: revision '0002_x' names itself as a parent\n"
                        + "  hint: remove '0002_x' from its parents");
        assertThat(result.changelog().revisions().get(1).parents()).containsExactly("0001_init");
    }

    // --- SQL files --------------------------------------------------------------------------

    @Test
    void missingFilesAreReportedWithANearMiss() {
        assertThat(problems("missing_file")).containsExactly(
                "changelog.yaml:5:9: up file 'sql/0001.upp.sql' of revision '0001_init' does not exist\n"
                        + "  hint: did you mean 'sql/0001.up.sql'?",
                "changelog.yaml:6:11: down file 'sql/nothing_like_it.sql' of revision '0001_init' does not exist\n"
                        + "  hint: looked for sql/nothing_like_it.sql; paths are relative to the changelog's folder");
    }

    @Test
    void aTestFileIsCheckedLikeUpAndDown() {
        assertThat(problems("test_file")).containsExactly(
                "changelog.yaml:11:15: sqlite test file 'sql/0002.sqlite.test.sql' of revision '0002_per_dialect'"
                        + " does not exist\n"
                        + "  hint: looked for sql/0002.sqlite.test.sql; paths are relative to the changelog's folder");
        var revisions = load("test_file").changelog().revisions();
        assertThat(revisions.get(0).test().common()).isEqualTo("sql/0001.test.sql");
        assertThat(revisions.get(1).test().perDialect()).containsOnlyKeys(DialectId.SQLITE, DialectId.POSTGRESQL);
    }

    @Test
    void absolutePathsAreRefused() {
        assertThat(problems("absolute_path")).containsExactly(
                "changelog.yaml:5:9: up file '/etc/passwd' of revision '0001_init' is an absolute path\n"
                        + "  hint: write it relative to the changelog's folder");
    }

    @Test
    void dotDotMayNotLeaveTheFolder() {
        // down: sql/../sql/0001.up.sql stays inside and is fine
        assertThat(problems("dotdot_escape")).containsExactly(
                "changelog.yaml:5:9: up file 'sql/../../valid_minimal/sql/0001.up.sql' of revision '0001_init'"
                        + " is outside the changelog's folder\n"
                        + "  hint: keep SQL files in the changelog's folder or below it");
    }

    @Test
    void aFolderIsNotAnSqlFile() {
        assertThat(problems("not_a_file")).containsExactly(
                "changelog.yaml:5:9: up file 'sql' of revision '0001_init' is not a regular file\n"
                        + "  hint: name a file, not a folder");
    }

    @Test
    void nonUtf8SqlIsReportedInsideTheFile() {
        assertThat(problems("non_utf8_sql")).containsExactly(
                "sql/latin1.sql:2:27: not valid UTF-8 (byte 0xE9)\n"
                        + "  hint: save the file as UTF-8; it is the up file 'sql/latin1.sql' of revision '0001_init'"
                        + " at changelog.yaml:5:9");
    }

    @Test
    void aFileNamedByTwoRevisionsIsReportedForEachButItsEncodingOnce(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("sql"));
        Files.write(folder.resolve("sql/latin1.sql"), new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', (byte) 0xE9, ';'});
        Files.createDirectories(folder.resolve("sql/dir.sql"));
        Files.writeString(folder.resolve("changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: r1
                    parents: []
                    up: sql/gone.sql
                    down: sql/latin1.sql
                  - id: r2
                    parents: [r1]
                    up: sql/gone.sql
                    down: sql/./latin1.sql
                  - id: r3
                    parents: [r2]
                    up: sql/dir.sql
                """);

        LoadedChangelog result = load(folder.resolve("changelog.yaml"));

        assertThat(rendered(result.problems(), folder)).containsExactly(
                "changelog.yaml:5:9: up file 'sql/gone.sql' of revision 'r1' does not exist\n"
                        + "  hint: looked for sql/gone.sql; paths are relative to the changelog's folder",
                "changelog.yaml:9:9: up file 'sql/gone.sql' of revision 'r2' does not exist\n"
                        + "  hint: looked for sql/gone.sql; paths are relative to the changelog's folder",
                "changelog.yaml:13:9: up file 'sql/dir.sql' of revision 'r3' is not a regular file\n"
                        + "  hint: name a file, not a folder",
                "sql/latin1.sql:1:8: not valid UTF-8 (byte 0xE9)\n"
                        + "  hint: save the file as UTF-8; it is the down file 'sql/latin1.sql' of revision 'r1'"
                        + " at changelog.yaml:6:11");
    }

    @Test
    void symbolicLinksMayNotLeaveTheFolder(@TempDir Path tmp) throws Exception {
        Path outside = Files.writeString(tmp.resolve("secret.sql"), "SELECT 1;");
        Path folder = Files.createDirectories(tmp.resolve("project/sql")).getParent();
        Files.createSymbolicLink(folder.resolve("sql/link.sql"), outside);
        Files.writeString(folder.resolve("sql/real.sql"), "SELECT 2;");
        Files.createSymbolicLink(folder.resolve("sql/inside.sql"), folder.resolve("sql/real.sql"));
        Files.createSymbolicLink(folder.resolve("up"), tmp);
        Files.writeString(folder.resolve("changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: r1
                    parents: []
                    up: sql/link.sql
                    down: sql/inside.sql
                  - id: r2
                    parents: [r1]
                    up: up/secret.sql
                """);

        LoadedChangelog result = load(folder.resolve("changelog.yaml"));

        assertThat(rendered(result.problems(), folder)).containsExactly(
                "changelog.yaml:5:9: up file 'sql/link.sql' of revision 'r1' leads outside the changelog's folder, to "
                        + outside.toRealPath() + "\n"
                        + "  hint: a symbolic link on the way points outside; copy the file into the changelog's folder",
                "changelog.yaml:9:9: up file 'up/secret.sql' of revision 'r2' leads outside the changelog's folder, to "
                        + outside.toRealPath() + "\n"
                        + "  hint: a symbolic link on the way points outside; copy the file into the changelog's folder");
    }

    @Test
    void declaredDialectsMustBeCoveredAndOnlyThey() {
        assertThat(problems("dialect_coverage")).containsExactly(
                "changelog.yaml:7:7: 'up' of revision '0001_init' has no file for sqlite\n"
                        + "  hint: add 'sqlite: <file>' under 'up', or use one file for every dialect",
                "changelog.yaml:8:7: 'up' of revision '0001_init' has a file for mysql, which 'dialects' does not list\n"
                        + "  hint: add mysql to 'dialects', or remove this line",
                "changelog.yaml:10:7: 'down' of revision '0001_init' has no file for postgresql\n"
                        + "  hint: add 'postgresql: <file>' under 'down', or use one file for every dialect");
    }

    @Test
    void aDialectCoverageProblemSaysSoByItsKind() {
        assertThat(load("dialect_coverage").problems()).extracting(Problem::kind).containsExactly(
                Problem.Kind.DIALECT_COVERAGE, Problem.Kind.INVALID_CHANGELOG, Problem.Kind.DIALECT_COVERAGE);
    }

    // --- hostile or broken YAML -------------------------------------------------------------

    @Test
    void syntaxErrorsPointAtTheParserPosition() {
        assertThat(problems("syntax_error")).containsExactly(
                "changelog.yaml:5:7: invalid YAML: expected ',' or ']', but got :\n"
                        + "  hint: while parsing a flow sequence at line 4, column 14");
        assertThat(problems("syntax_error_indent")).containsExactly(
                "changelog.yaml:4:13: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void secondDocumentIsRefused() {
        assertThat(problems("two_documents")).containsExactly(
                "changelog.yaml:3:1: a second YAML document starts here\n"
                        + "  hint: a changelog is one document; remove this '---' and what follows, or merge it into the first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty_yaml", "comments_only"})
    void anEmptyChangelogIsReported(String fixture) {
        assertThat(problems(fixture)).containsExactly(
                "changelog.yaml:1:1: the changelog is empty\n"
                        + "  hint: start it with 'changelog: 1' and 'revisions: []'");
    }

    @Test
    void binaryFilesAreNotParsed() {
        assertThat(problems("binary_yaml")).containsExactly(
                "changelog.yaml:1:1: the changelog is not UTF-8 text (byte 0x89)\n"
                        + "  hint: save it as UTF-8; is it a binary file?");
        assertThat(problems("nul_yaml")).containsExactly(
                "changelog.yaml:2:14: the changelog contains the control character U+0000, which YAML does not allow\n"
                        + "  hint: is it a binary file?");
    }

    @Test
    void billionLaughsIsStoppedQuickly() {
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problems("alias_bomb"));
        assertThat(problems).containsExactly(
                "changelog.yaml:6:4: aliases of &d expand to more than 10000 values\n"
                        + "  hint: a changelog needs few aliases, if any; write the values out");
    }

    @Test
    void fewAliasesThatDoubleAreStoppedToo() {
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problems("alias_doubling"));
        assertThat(problems).singleElement().asString()
                .matches("changelog.yaml:\\d+:\\d+: aliases of &x\\d+ expand to more than 10000 values\n.*");
    }

    @Test
    void recursiveAliasesAreRefused() {
        assertThat(problems("recursive_alias")).containsExactly(
                "changelog.yaml:2:12: the alias *r refers to itself\n  hint: a changelog cannot hold recursive data");
    }

    @Test
    void tagsNeverConstructObjects() {
        LoadedChangelog result = load("java_tag");

        assertThat(rendered(result.problems(), FIXTURES.resolve("java_tag"))).containsExactly(
                "changelog.yaml:5:9: the tag '!!java.lang.ProcessBuilder' is not allowed\n"
                        + "  hint: a changelog holds plain text, numbers, booleans, lists and mappings; remove the tag",
                "changelog.yaml:5:9: 'up' in revision '0001_init' must be a file path or a mapping from dialect"
                        + " to file path, not a list",
                "changelog.yaml:6:11: the tag '!local' is not allowed\n"
                        + "  hint: a changelog holds plain text, numbers, booleans, lists and mappings; remove the tag");
        assertThat(result.changelog()).isNull();
    }

    @Test
    void deepNestingIsStopped() {
        assertThat(problems("deep_nesting")).containsExactly(
                "changelog.yaml:3:54: values are nested more than 50 levels deep\n"
                        + "  hint: a changelog is at most four levels deep");
    }

    @Test
    void aMissingChangelogIsAProblemNotAnException() {
        LoadedChangelog result = load(Path.of("no/such/changelog.yaml"));

        assertThat(result.changelog()).isNull();
        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "no/such/changelog.yaml: changelog file not found\n"
                        + "  hint: create one with 'graft init', or name the right file");
    }

    @Test
    void everyProblemIsReportedInOneRunSortedByPlace() {
        LoadedChangelog result = load("several_problems");

        assertThat(rendered(result.problems(), FIXTURES.resolve("several_problems"))).containsExactly(
                "changelog.yaml:3:9: invalid revision id '0001-init'\n"
                        + "  hint: did you mean '0001_init'? '-' '+' '@' ':' are target syntax",
                "changelog.yaml:5:9: up file 'sql/missing.sql' of revision '0001-init' does not exist\n"
                        + "  hint: looked for sql/missing.sql; paths are relative to the changelog's folder",
                "changelog.yaml:6:18: 'transaction' in revision '0001-init' must be true or false, not \"no\"",
                "changelog.yaml:8:5: unknown key 'parnets' in revision '0002_x'\n"
                        + "  hint: did you mean 'parents'?",
                "changelog.yaml:9:9: up file '../outside.sql' of revision '0002_x' is outside the changelog's folder\n"
                        + "  hint: keep SQL files in the changelog's folder or below it",
                "changelog.yaml:10:17: 'a' is listed twice in 'labels' in revision '0002_x'\n"
                        + "  hint: remove one of them");
        // Built anyway, so that the graph can be checked: the bad id is corrected.
        assertThat(result.changelog().revisions()).extracting(Revision::id).containsExactly("0001_init", "0002_x");
    }

    @Test
    void spansAreKeyedForTheGraph() {
        Revision orders = load("valid_full").changelog().revisions().get(2);
        assertThat(orders.spans().keySet()).containsExactlyInAnyOrderElementsOf(Set.of(
                "id", "parents[0]", "depends_on[0]", "up", "up.postgresql", "up.sqlite",
                "down", "down.postgresql", "down.sqlite", "transaction"));
        assertThat(Map.copyOf(orders.spans()).get("parents[0]").line()).isEqualTo(17);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "changelog: 1\nrevisions:\n  - 5\n",
        "changelog: 1\nrevisions: [{id: {a: 1}, parents: 3, up: [x]}]\n",
        "changelog: [1]\nrevisions: {}\n",
        "{",
        "changelog: 1\nrevisions:\n  - id: a\n    parents: []\n    up: {sqlite: 3, mysql: ''}\n",
        "changelog: 1\nrevisions:\n  - id: ''\n    parents: [~, '']\n    up: ''\n    down: {}\n",
        "changelog: 1\ndialects: [sqlite, sqlite, 3]\nrevisions: ~\n",
        "changelog: 1\nrevisions: []\n<<: {a: 1}\n",
        "changelog: 1\nrevisions:\n  - id: a\n    parents: []\n    up: \"nul\\0.sql\"\n"})
    void neverThrowsOnNonsense(String yaml, @TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("changelog.yaml"), yaml);

        LoadedChangelog result = load(file);

        assertThat(result.problems()).isNotEmpty();
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.where().line()).isPositive());
    }

    @Test
    void anIdTooLongIsShortenedInTheHint(@TempDir Path tmp) throws Exception {
        String id = "a".repeat(130);
        Files.writeString(tmp.resolve("up.sql"), "");
        Path file = Files.writeString(tmp.resolve("changelog.yaml"),
                "changelog: 1\nrevisions:\n  - id: " + id + "\n    parents: []\n    up: up.sql\n");

        LoadedChangelog result = load(file);

        assertThat(rendered(result.problems(), tmp)).containsExactly(
                "changelog.yaml:3:9: invalid revision id '" + id + "'\n"
                        + "  hint: did you mean '" + "a".repeat(128) + "'? ids have at most 128 characters");
        assertThat(result.changelog().revisions().get(0).id()).hasSize(128);
    }
}
