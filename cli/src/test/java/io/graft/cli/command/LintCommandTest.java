package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import io.graft.LintRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft lint}: formats, exit codes, graft.yaml rules, --base. */
class LintCommandTest {

    static final String CHANGELOG = """
            # a branch that forgot about transactions
            changelog: 1
            revisions:
              - id: 0001_users
                parents: []
                up: sql/0001_users.up.sql
                down: sql/0001_users.down.sql
              - id: 0002_index
                parents: [0001_users]
                up: sql/0002_index.up.sql
                down: sql/0002_index.down.sql
              - id: 0003_cleanup
                parents: [0002_index]
                up: sql/0003_cleanup.up.sql
            """;

    @TempDir
    Path dir;

    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRun(dir);
        write("changelog.yaml", CHANGELOG);
        write("sql/0001_users.up.sql", "CREATE TABLE users (id integer PRIMARY KEY, name text);\n");
        write("sql/0001_users.down.sql", "DROP TABLE users;\n");
        write("sql/0002_index.up.sql", "-- speed up lookups\nCREATE INDEX CONCURRENTLY users_name ON users (name);\n");
        write("sql/0002_index.down.sql", "DROP INDEX users_name;\n");
        write("sql/0003_cleanup.up.sql", "DELETE FROM users;\n");
    }

    @Test
    void textIsOneLinePerFindingWithHintsAndExit3OnErrors() {
        CliRun.Result r = cli.run("lint", "--dialect", "postgresql");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LINT);
        assertThat(r.out()).isEqualTo("""
                changelog.yaml:12:9: warning [missing-down] revision '0003_cleanup' has no down file, so it cannot be reverted
                  hint: add 'down:' with SQL that undoes it (an empty file if there is nothing to undo)
                sql/0002_index.up.sql:2:1: error [non-transactional-statement] CREATE INDEX CONCURRENTLY cannot run inside a transaction block, but revision '0002_index' runs in one
                  hint: set 'transaction: false' on the revision (and keep that statement alone in it)
                sql/0003_cleanup.up.sql:1:1: warning [destructive-statement] DELETE without WHERE on users throws data away: DELETE FROM users
                  hint: if that is intended, say so with '-- graft:allow destructive-statement' above it (or '-- graft:allow-file destructive-statement' for the revision)
                lint: 1 error, 2 warnings, 0 notes
                """);
    }

    @Test
    void warningsPassUnlessStrict() throws IOException {
        write("changelog.yaml", CHANGELOG.replace("    down: sql/0002_index.down.sql\n",
                "    down: sql/0002_index.down.sql\n    transaction: false\n"));
        assertThat(cli.run("lint", "--dialect", "postgresql").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli.run("lint", "--dialect", "postgresql", "--strict").exitCode()).isEqualTo(ExitCodes.LINT);
        assertThat(cli.run("lint", "--dialect", "postgresql", "-q").out()).doesNotContain("lint: ").contains("[missing-down]");
    }

    @Test
    void jsonIsOneDocument() throws IOException {
        CliRun.Result r = cli.run("--format", "json", "lint", "--dialect", "postgresql");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LINT);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary/warnings").asInt()).isEqualTo(2);
        JsonNode first = doc.get("findings").get(1);
        assertThat(first.get("rule").asText()).isEqualTo("non-transactional-statement");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("file").asText()).isEqualTo("sql/0002_index.up.sql");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(1);
        assertThat(first.get("hint").asText()).contains("transaction: false");
    }

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws IOException {
        CliRun.Result r = cli.run("lint", "--format", "sarif", "--dialect", "postgresql");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LINT);
        JsonNode log = new ObjectMapper().readTree(r.out());
        assertThat(validate(log)).isEmpty();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("graft");
        assertThat(run.at("/tool/driver/rules")).hasSize(LintRule.values().length);
        JsonNode result = run.get("results").get(1);
        assertThat(result.get("ruleId").asText()).isEqualTo("non-transactional-statement");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText())
                .isEqualTo("non-transactional-statement");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("sql/0002_index.up.sql");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
    }

    @Test
    void theSchemaCheckCatchesABrokenLog() throws IOException {
        JsonNode broken = new ObjectMapper().readTree("""
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "graft"}},
                 "results": [{"ruleId": "x", "level": "fatal", "message": {"text": "m"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.sql"}, "region": {"startLine": 0}}}]}]}]}
                """);
        assertThat(validate(broken)).hasSize(2);
    }

    @Test
    void githubAnnotations() throws IOException {
        write("sql/0003_cleanup.up.sql", "DELETE FROM users; -- graft:allow destructive-statement\n");
        CliRun.Result r = cli.run("lint", "--format", "github", "--dialect", "postgresql");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LINT);
        assertThat(r.out()).isEqualTo("::warning file=changelog.yaml,line=12,col=9,title=graft lint [missing-down]::"
                + "revision '0003_cleanup' has no down file, so it cannot be reverted%0Ahint: add 'down:' with SQL that "
                + "undoes it (an empty file if there is nothing to undo)\n"
                + "::error file=sql/0002_index.up.sql,line=2,col=1,title=graft lint [non-transactional-statement]::"
                + "CREATE INDEX CONCURRENTLY cannot run inside a transaction block, but revision '0002_index' runs in "
                + "one%0Ahint: set 'transaction: false' on the revision (and keep that statement alone in it)\n");
    }

    @Test
    void graftYamlTurnsRulesOffAndRegradesThem() throws IOException {
        write("graft.yaml", """
                lint:
                  rules:
                    missing-down: off
                    destructive-statement: error
                    non-transactional-statement: warning
                """);
        CliRun.Result r = cli.run("lint", "--dialect", "postgresql");
        assertThat(r.out()).doesNotContain("missing-down")
                .contains("sql/0003_cleanup.up.sql:1:1: error [destructive-statement]")
                .contains("sql/0002_index.up.sql:2:1: warning [non-transactional-statement]");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LINT);
    }

    @Test
    void anUnknownRuleInGraftYamlIsAUsageErrorWithASuggestion() throws IOException {
        write("graft.yaml", "lint:\n  rules:\n    missing-dwn: off\n    empty-up: loud\n");
        CliRun.Result r = cli.run("lint");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("graft.yaml:3:5: unknown key 'missing-dwn'").contains("did you mean 'missing-down'?")
                .contains("graft.yaml:4:15: 'loud' is not a severity for rule empty-up");
        write("graft.yaml", "lnt: {}\n");
        assertThat(cli.run("lint").err()).contains("unknown key 'lnt'").contains("did you mean 'lint'?");
    }

    @Test
    void sarifAndGithubAreForLintOnly() {
        CliRun.Result r = cli.run("--format", "sarif", "heads");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--format sarif is for 'graft lint' and 'graft test' only");
    }

    @Test
    void listRules() {
        CliRun.Result r = cli.run("lint", "--list-rules");
        assertThat(r.exitCode()).isZero();
        for (LintRule rule : LintRule.values()) {
            assertThat(r.out()).contains(rule.id()).contains(rule.rationale());
        }
        assertThat(r.out()).contains("multiple-heads               graph    error    ");
    }

    @Test
    void baseComparesWithAGitRef() throws Exception {
        write("changelog.yaml", CHANGELOG.replace("    down: sql/0002_index.down.sql\n",
                "    down: sql/0002_index.down.sql\n    transaction: false\n"));
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "release");
        git("checkout", "-q", "-b", "feature");
        write("sql/0001_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
        CliRun.Result r = cli.run("lint", "--base", "main", "--dialect", "postgresql");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LINT);
        assertThat(r.out()).contains("changelog.yaml:6:9: error [released-revision-changed] the up SQL of released "
                + "revision '0001_users' changed since main");
        CliRun.Result unknown = cli.run("lint", "--base", "origin/main");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown git ref 'origin/main'");
    }

    @Test
    void anInvalidChangelogIsReportedAsFindings() throws IOException {
        write("changelog.yaml", CHANGELOG.replace("parents: [0001_users]", "parnets: [0001_users]"));
        CliRun.Result r = cli.run("lint");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LINT);
        assertThat(r.out()).contains("changelog.yaml:9:5: error [invalid-changelog] unknown key 'parnets'");
    }

    private List<String> validate(JsonNode log) throws IOException {
        try (InputStream schema = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0-subset.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, config);
            Set<ValidationMessage> messages = s.validate(log);
            return messages.stream().map(ValidationMessage::getMessage).toList();
        }
    }

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
