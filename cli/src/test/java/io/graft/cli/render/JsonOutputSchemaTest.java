package io.graft.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.graft.changelog.DialectId;
import io.graft.cli.CliRun;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command's {@code --format json} output, as a user's command line produces it, against
 * the JSON Schema of that command ({@code io/graft/schema/output/COMMAND.schema.json}), and the
 * examples of {@code docs/json-output.md} against the same schemas. The schemas are closed
 * ({@code additionalProperties: false}): a key added to the output must be added to its schema
 * and to the page.
 */
public class JsonOutputSchemaTest {

    private static final String BASE = "https://graft.io/schema/output/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:io/graft/schema/output/")));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    private final Set<String> covered = new TreeSet<>();

    static JsonSchema schema(String command) {
        return SCHEMAS.computeIfAbsent(command,
                c -> FACTORY.getSchema(SchemaLocation.of(BASE + c + ".schema.json")));
    }

    /** Parses the one document {@code r} printed on stdout and validates it; returns it. */
    private JsonNode valid(String command, CliRun.Result r) {
        covered.add(command);
        return validDocument(command, r);
    }

    /** For other tests: {@code json} is one document that matches the schema of {@code command}. */
    public static void assertValid(String command, String json) {
        validDocument(command, new CliRun.Result(0, json, ""));
    }

    /** {@link #valid} for a run that must succeed: exit 0 and no error. */
    private JsonNode ok(String command, CliRun.Result r) {
        assertThat(r.exitCode()).as("%s exit code\n%s%s", command, r.out(), r.err()).isZero();
        JsonNode doc = valid(command, r);
        assertThat(doc.has("error")).as("%s", r.out()).isFalse();
        return doc;
    }

    static JsonNode validDocument(String command, CliRun.Result r) {
        JsonNode doc;
        try {
            doc = JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("stdout of " + command + " is not one JSON document:\n" + r.out() + r.err(), e);
        }
        Set<ValidationMessage> errors = schema(command).validate(doc);
        assertThat(errors).as("%s --format json output:\n%s\nagainst %s.schema.json", command, r.out(), command)
                .isEmpty();
        return doc;
    }

    @Test
    void everyCommandsOutputMatchesItsSchema() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        CliRun cli = new CliRun(project);
        String url = "jdbc:sqlite:" + project.resolve("app.db");

        CliRun.Result initRun = cli.run("--format", "json", "init");
        assertThat(initRun.exitCode()).as("%s", initRun).isZero();
        assertThat(valid("init", initRun).get("changelog").asText()).endsWith("changelog.yaml");
        ok("new", cli.run("--format", "json", "new", "-m", "create users", "--label", "core"));
        ok("new", cli.run("--format", "json", "new", "-m", "add orders"));
        JsonNode id2 = ok("new", cli.run("--format", "json", "new", "-m", "side branch", "--parent",
                firstRevision(project)));
        assertThat(id2.get("parents")).hasSize(1);
        ok("merge", cli.run("--format", "json", "merge", "-m", "join"));
        String[] db = {"--format", "json", "--url", url};

        ok("validate", cli.run(concat(db, "validate")));
        ok("heads", cli.run(concat(db, "heads")));
        ok("branches", cli.run(concat(db, "branches")));
        ok("show", cli.run(concat(db, "show", "head")));
        ok("history", cli.run(concat(db, "history")));
        ok("graph", cli.run(concat(db, "graph")));
        ok("lint", cli.run(concat(db, "lint")));
        ok("lint", cli.run(concat(db, "lint", "--list-rules")));
        ok("up", cli.run(concat(db, "up", "--sql", "--from", "base")));
        ok("status", cli.run(concat(db, "status")));

        assertThat(ok("up", cli.run(concat(db, "up"))).get("steps")).hasSize(4);
        ok("up", cli.run(concat(db, "up")));
        ok("current", cli.run(concat(db, "current")));
        ok("history", cli.run(concat(db, "history", "-i")));
        ok("status", cli.run(concat(db, "status")));
        ok("check", cli.run(concat(db, "check")));
        ok("down", cli.run(concat(db, "down", "base")));
        ok("down", cli.run(concat(db, "down", "--sql", "base")));
        ok("stamp", cli.run(concat(db, "stamp", "heads")));
        ok("repair", cli.run(concat(db, "repair")));
        ok("stamp", cli.run(concat(db, "stamp", "--purge")));

        // Errors: usage, target, invalid changelog, each alone.
        valid("up", cli.run(concat(db, "up", "no_such_revision")));
        valid("down", cli.run(concat(db, "down")));
        valid("show", cli.run(concat(db, "show", "nope")));
        valid("status", cli.run("--format", "json", "--url", url, "-c", "missing.yaml", "status"));

        // A revision left running, settled by repair ID.
        Path running = ChangelogFixture.in(Files.createDirectories(dir.resolve("running")))
                .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\nINSERT INTO nope VALUES (1);\n", null,
                        "transaction: false")
                .save();
        CliRun runningCli = new CliRun(running.getParent());
        String runningUrl = "jdbc:sqlite:" + running.resolveSibling("r.db");
        assertThat(valid("up", runningCli.run("--format", "json", "--url", runningUrl, "up")).at("/error/revision")
                .asText()).isEqualTo("0001_a");
        JsonNode check = valid("check", runningCli.run("--format", "json", "--url", runningUrl, "check"));
        assertThat(check.at("/drift/0/kind").asText()).isEqualTo("running");
        ok("repair", runningCli.run("--format", "json", "--url", runningUrl, "repair", "0001_a", "--rolled-back"));

        assertThat(covered).as("every command's schema is exercised").containsExactlyInAnyOrderElementsOf(commands());
    }

    /** Every command of the table has the schema of its JSON output (the tests of import and adopt validate theirs). */
    @Test
    void everyCommandHasASchema() {
        for (io.graft.cli.command.Commands.Entry command : io.graft.cli.command.Commands.all()) {
            assertThat(JsonOutputSchemaTest.class.getResource("/io/graft/schema/output/" + command.name() + ".schema.json"))
                    .as("io/graft/schema/output/%s.schema.json", command.name()).isNotNull();
            assertThat(schema(command.name())).isNotNull();
        }
    }

    /** The commands that have a schema. */
    private static List<String> commands() {
        return List.of("init", "new", "merge", "validate", "heads", "branches", "show", "history", "graph", "lint",
                "up", "down", "status", "current", "check", "stamp", "repair");
    }

    /**
     * A failed {@code up} lists every revision applied before the failure, then the error; a
     * failed {@code down} every revision reverted before it. On each database.
     */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void failedRunListsWhatRanBeforeTheError(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", "DROP TABLE a;\n")
                    .revision("0002_b", List.of("0001_a"), "CREATE TABLE b (n INTEGER);\n", "DROP TABLE nope;\n")
                    .revision("0003_c", List.of("0002_b"), "CREATE TABLE c (n INTEGER);\n", "DROP TABLE c;\n")
                    .revision("0004_d", List.of("0003_c"), "INSERT INTO nope VALUES (1);\n", "SELECT 1;\n")
                    .save();
            CliRun cli = new CliRun(dir);

            CliRun.Result up = cli.run(args(db, changelog, "up"));
            assertThat(up.exitCode()).as("%s", up).isEqualTo(1);
            JsonNode doc = validDocument("up", up);
            assertThat(ids(doc.get("steps"), "revision")).containsExactly("0001_a", "0002_b", "0003_c");
            assertThat(ids(doc.get("current"), null)).containsExactly("0003_c");
            assertThat(doc.get("nothing_to_do").asBoolean()).isFalse();
            assertThat(doc.at("/error/type").asText()).isEqualTo("migration");
            assertThat(doc.at("/error/revision").asText()).isEqualTo("0004_d");
            assertThat(doc.at("/error/exit_code").asInt()).isEqualTo(1);
            assertThat(doc.at("/error/message").asText()).contains("revision '0004_d' failed at statement 1 of 1");

            CliRun.Result down = cli.run(args(db, changelog, "down", "base"));
            assertThat(down.exitCode()).as("%s", down).isEqualTo(1);
            JsonNode downDoc = validDocument("down", down);
            assertThat(downDoc.get("operation").asText()).isEqualTo("down");
            assertThat(ids(downDoc.get("steps"), "revision")).containsExactly("0003_c");
            assertThat(ids(downDoc.get("current"), null)).containsExactly("0002_b");
            assertThat(downDoc.at("/error/revision").asText()).isEqualTo("0002_b");
        }
    }

    /** {@code check} with every kind of drift lists each as a structured entry: file and both checksums, unknown rows, running rows. */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void checkListsEveryProblemStructured(DialectId dialect) throws IOException {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", null)
                    .revision("0002_b", List.of("0001_a"), "CREATE TABLE b (n INTEGER);\nINSERT INTO nope VALUES (1);\n",
                            null, "transaction: false")
                    .save();
            CliRun cli = new CliRun(dir);
            assertThat(cli.run(args(db, changelog, "up")).exitCode()).isEqualTo(1);
            db.execute("INSERT INTO graft_revisions (id, parents, checksum, state, direction, statements_done,"
                    + " statements_total, applied_seq, applied_at, execution_ms) VALUES ('0000_gone', '', '"
                    + "0".repeat(64) + "', 'applied', 'up', 1, 1, 0, "
                    + (dialect == DialectId.SQLITE ? "'2026-01-01T00:00:00Z'" : "CURRENT_TIMESTAMP") + ", 0)");
            Files.writeString(dir.resolve("sql/0001_a.up.sql"), "CREATE TABLE a (n BIGINT);\n", StandardCharsets.UTF_8);

            CliRun.Result check = cli.run(args(db, changelog, "check"));

            assertThat(check.exitCode()).as("%s", check).isEqualTo(1);
            JsonNode doc = validDocument("check", check);
            assertThat(doc.get("ok").asBoolean()).isFalse();
            assertThat(doc.at("/error/type").asText()).isEqualTo("migration");
            List<JsonNode> drift = new ArrayList<>();
            doc.get("drift").forEach(drift::add);
            assertThat(drift).extracting(d -> d.get("kind").asText() + " " + d.get("revision").asText())
                    .containsExactlyInAnyOrder("checksum_changed 0001_a", "running 0002_b", "unknown_revision 0000_gone");
            JsonNode changed = byKind(drift, "checksum_changed");
            assertThat(changed.get("file").asText()).endsWith("0001_a.up.sql");
            assertThat(changed.get("checksum_applied").asText()).matches("[0-9a-f]{64}");
            assertThat(changed.get("checksum_now").asText()).matches("[0-9a-f]{64}")
                    .isNotEqualTo(changed.get("checksum_applied").asText());
            JsonNode running = byKind(drift, "running");
            assertThat(running.get("state").asText()).isEqualTo("running");
            assertThat(running.get("statements_done").asInt()).isEqualTo(1);
            assertThat(running.get("statements_total").asInt()).isEqualTo(2);
            assertThat(running.get("failed_statement").asText()).contains("0002_b.up.sql:2:");
            assertThat(byKind(drift, "unknown_revision").get("state").asText()).isEqualTo("applied");
            assertThat(doc.at("/error/drift").isMissingNode()).as("check lists the drift once, at the top").isTrue();

            // up refuses with the same entries, and no revision ran.
            JsonNode up = validDocument("up", cli.run(args(db, changelog, "up")));
            assertThat(up.get("steps")).isEmpty();
            assertThat(up.at("/error/drift")).hasSize(3);
        }
    }

    /** The examples of docs/json-output.md: each is valid JSON and matches the schema of the section's command. */
    @Test
    void documentedExamplesMatchTheSchemas() throws IOException {
        Path page = repositoryRoot().resolve("docs/json-output.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- schema: ([a-z]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
        int examples = 0;
        Set<String> documented = new TreeSet<>();
        while (m.find()) {
            String command = m.group(1);
            JsonNode doc;
            try {
                doc = JSON.readTree(m.group(2));
            } catch (IOException e) {
                throw new AssertionError("docs/json-output.md: an example for " + command + " is not valid JSON:\n"
                        + m.group(2), e);
            }
            assertThat(schema(command).validate(doc)).as("docs/json-output.md example for %s:\n%s", command,
                    m.group(2)).isEmpty();
            documented.add(command);
            examples++;
        }
        assertThat(examples).isGreaterThan(10);
        assertThat(text.split("```json", -1).length - 1).as("every ```json block carries a schema comment")
                .isEqualTo(examples);
        assertThat(documented).containsAll(List.of("up", "down", "status", "check"));
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new UncheckedIOException(new IOException("no docs/ folder above " + Path.of("").toAbsolutePath()));
        }
        return p;
    }

    private static JsonNode byKind(List<JsonNode> drift, String kind) {
        return drift.stream().filter(d -> d.get("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(field == null ? n.asText() : n.get(field).asText()));
        return ids;
    }

    private static String[] args(TestDatabase db, Path changelog, String command, String... more) {
        List<String> args = new ArrayList<>(List.of("--format", "json", "--url", db.url(), "-c", changelog.toString()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null && !db.password().isEmpty()) {
            args.addAll(List.of("--password", db.password()));
        }
        args.add(command);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static String firstRevision(Path project) throws IOException {
        Matcher m = Pattern.compile("(?m)^  - id: (\\S+)").matcher(Files.readString(project.resolve("changelog.yaml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
