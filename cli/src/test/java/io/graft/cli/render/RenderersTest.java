package io.graft.cli.render;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withLabels;
import io.graft.Target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.AppliedRevision;
import io.graft.Branch;
import io.graft.Direction;
import io.graft.Drift;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.Status;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.cli.settings.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Text and JSON output of each result, built from engine records without a database. */
class RenderersTest {

    //   a -> b (core) -> m (merge of b and c)
    //     \> c ------/
    private static final Revision A = rev("0001_a");
    private static final Revision B = withLabels(rev("0002_b", "0001_a"), "core");
    private static final Revision C = rev("0002_c", "0001_a");
    private static final Revision M = rev("0003_m", "0002_b", "0002_c");
    private static final Changelog CHANGELOG =
            new Changelog(Path.of("changelog.yaml"), Path.of("."), 1, Set.of(), List.of(A, B, C, M));
    private static final GraphFacts FACTS = new GraphFacts(CHANGELOG, List.of(M));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Output output(boolean json) {
        return new Output(new PrintWriter(out, true), new PrintWriter(err, true), json, false, false, new Style(false));
    }

    private TextRenderer text() {
        return new TextRenderer(output(false));
    }

    private JsonNode json(java.util.function.Consumer<JsonRenderer> render) throws Exception {
        render.accept(new JsonRenderer(output(true)));
        return new ObjectMapper().readTree(out.toString());
    }

    private static AppliedRevision applied(String id) {
        return new AppliedRevision(id, List.of(), "abc", AppliedRevision.State.APPLIED, 2, 2, null,
                Instant.parse("2025-01-02T03:04:05Z"), "alice", 12, null);
    }

    private static final Status HALFWAY = new Status(List.of(applied("0001_a"), applied("0002_b")), List.of("0002_b"),
            List.of(C, M), List.of(M), List.of());

    @Test
    void historyIsAlembicLike() {
        text().history(List.of(M, C, B, A), FACTS, null, false);
        assertThat(out.toString()).isEqualTo("""
                0002_b, 0002_c -> 0003_m (head) (mergepoint)
                0001_a -> 0002_c
                0001_a -> 0002_b (core)
                <base> -> 0001_a (branchpoint)
                """);
    }

    @Test
    void historyIndicatesCurrentAndPending() {
        text().history(List.of(M, C, B, A), FACTS, HALFWAY, false);
        assertThat(out.toString()).isEqualTo("""
                0002_b, 0002_c -> 0003_m (head) (pending) (mergepoint)
                0001_a -> 0002_c (pending)
                0001_a -> 0002_b (core) (current)
                <base> -> 0001_a (branchpoint)
                """);
    }

    @Test
    void verboseBlock() {
        text().show(M, FACTS);
        assertThat(out.toString()).isEqualTo("""
                Rev: 0003_m (head) (mergepoint)
                Merges: 0002_b, 0002_c
                Up: 0003_m.up.sql
                Down: 0003_m.down.sql
                Source: <inline>

                """);
    }

    @Test
    void progressAndSummaryOfAnUpgrade() {
        TextRenderer text = text();
        RevisionStep first = new RevisionStep("0001_a", null, Direction.UP, 3, 12);
        RevisionStep second = new RevisionStep("0002_b", null, Direction.UP, 1, 5);
        text.progress().revisionFinished(first, 1, 2);
        text.run("up", new RunResult(Direction.UP, Target.parse("heads"), List.of(first, second), List.of("0002_b"), 410));
        assertThat(out.toString()).isEqualTo("""
                  applied 0001_a  (12 ms)
                  applied 0002_b  (5 ms)
                2 revisions applied in 0.41 s; current: 0002_b
                """);
    }

    @Test
    void nothingToDo() {
        text().run("up", new RunResult(Direction.UP, null, List.of(), List.of("0003_m"), 3));
        text().run("down", new RunResult(Direction.DOWN, Target.parse("0003_m"), List.of(), List.of("0003_m"), 3));
        assertThat(out.toString()).isEqualTo("""
                Nothing to do: database is at heads (0003_m).
                Nothing to do: nothing applied above 0003_m (current: 0003_m).
                """);
    }

    @Test
    void downgradeSummaryToBase() {
        text().run("down", new RunResult(Direction.DOWN, Target.parse("base"),
                List.of(new RevisionStep("0001_a", null, Direction.DOWN, 1, 7)), List.of(), 20));
        assertThat(out.toString()).isEqualTo("  reverted 0001_a  (7 ms)\n1 revision reverted in 0.02 s; current: <base>\n");
    }

    @Test
    void statusText() {
        Status drifting = new Status(HALFWAY.applied(), HALFWAY.current(), HALFWAY.pending(), HALFWAY.heads(),
                List.of(new Drift(Drift.Kind.CHECKSUM_CHANGED, "0001_a", "sql/0001_a.up.sql changed since it was applied",
                        "restore the file, or run 'graft repair' to accept it")));
        Settings settings = new Settings(Path.of("/p/changelog.yaml"), "jdbc:sqlite:/p/graft.db", null, null, null,
                "graft_", java.time.Duration.ofSeconds(60), null, null);
        text().status(settings, drifting, FACTS);
        assertThat(out.toString()).isEqualTo("""
                Database:    jdbc:sqlite:/p/graft.db
                Changelog:   /p/changelog.yaml
                Current:     0002_b (core)
                Heads:       0003_m
                Applied:     2 revisions
                Pending:     2 revisions
                  0002_c
                  0003_m
                Problems:    1
                  0001_a: sql/0001_a.up.sql changed since it was applied
                    hint: restore the file, or run 'graft repair' to accept it
                """);
    }

    @Test
    void currentHeadsAndBranches() {
        TextRenderer text = text();
        text.current(new Status(List.of(), List.of("0003_m", "0009_gone"), List.of(), List.of(M), List.of()), FACTS);
        text.heads(List.of(M), FACTS, false);
        text.branches(List.of(new Branch("core", "0002_b", List.of("0003_m"))), FACTS);
        assertThat(out.toString()).isEqualTo("""
                0003_m (head) (mergepoint)
                0009_gone (not in the changelog)
                0003_m (head) (mergepoint)
                core: 0002_b -> 0003_m (head)
                0001_a (branchpoint)
                    -> 0002_b (core)
                    -> 0002_c
                """);
    }

    @Test
    void runResultJson() throws Exception {
        JsonNode doc = json(j -> j.run("up", new RunResult(Direction.UP, Target.parse("heads"),
                List.of(new RevisionStep("0001_a", "Create a", Direction.UP, 3, 12)), List.of("0001_a"), 40)));
        assertThat(doc.get("operation").asText()).isEqualTo("up");
        assertThat(doc.get("direction").asText()).isEqualTo("up");
        assertThat(doc.get("target").asText()).isEqualTo("heads");
        assertThat(doc.get("steps").get(0).toString()).isEqualTo(
                "{\"revision\":\"0001_a\",\"description\":\"Create a\",\"direction\":\"up\",\"statements\":3,"
                        + "\"execution_ms\":12}");
        assertThat(doc.get("current").toString()).isEqualTo("[\"0001_a\"]");
        assertThat(doc.get("elapsed_ms").asLong()).isEqualTo(40);
        assertThat(doc.get("nothing_to_do").asBoolean()).isFalse();
    }

    @Test
    void statusJson() throws Exception {
        Settings settings = new Settings(Path.of("/p/changelog.yaml"), "jdbc:sqlite:/p/graft.db", null, null, null,
                "graft_", java.time.Duration.ofSeconds(60), null, null);
        JsonNode doc = json(j -> j.status(settings, HALFWAY, FACTS));
        assertThat(doc.get("current").toString()).isEqualTo("[\"0002_b\"]");
        assertThat(doc.get("heads").toString()).isEqualTo("[\"0003_m\"]");
        assertThat(doc.get("pending").get(1).get("id").asText()).isEqualTo("0003_m");
        JsonNode row = doc.get("applied").get(0);
        assertThat(row.get("state").asText()).isEqualTo("applied");
        assertThat(row.get("applied_at").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(row.get("applied_by").asText()).isEqualTo("alice");
        assertThat(doc.get("drift").isArray()).isTrue();
        assertThat(doc.get("up_to_date").asBoolean()).isFalse();
        assertThat(doc.get("database").asText()).isEqualTo("jdbc:sqlite:/p/graft.db");
    }

    @Test
    void revisionJson() throws Exception {
        JsonNode doc = json(j -> j.show(B, FACTS));
        assertThat(doc.get("id").asText()).isEqualTo("0002_b");
        assertThat(doc.get("parents").toString()).isEqualTo("[\"0001_a\"]");
        assertThat(doc.get("labels").toString()).isEqualTo("[\"core\"]");
        assertThat(doc.get("up").asText()).isEqualTo("0002_b.up.sql");
        assertThat(doc.get("head").asBoolean()).isFalse();
        assertThat(doc.get("children").toString()).isEqualTo("[\"0003_m\"]");

        JsonNode history = new ObjectMapper().readTree(captureJson(j -> j.history(List.of(M, A), FACTS, HALFWAY, false)));
        assertThat(history.get("revisions").get(0).get("applied").asBoolean()).isFalse();
        assertThat(history.get("revisions").get(1).get("applied_at").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(history.get("revisions").get(1).get("branchpoint").asBoolean()).isTrue();
    }

    private String captureJson(java.util.function.Consumer<JsonRenderer> render) {
        StringWriter w = new StringWriter();
        render.accept(new JsonRenderer(new Output(new PrintWriter(w, true), new PrintWriter(err, true), true, false,
                false, new Style(false))));
        return w.toString();
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(new Style(false).green("x")).isEqualTo("x");
        assertThat(new Style(true).green("x")).isEqualTo("\u001b[32mx\u001b[0m");
    }
}
