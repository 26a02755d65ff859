package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.changelog.DialectId;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.JsonOutputSchemaTest;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code graft test} as a user runs it: each format, the exit codes, a server through --dev-url. */
class TestCommandTest {

    @TempDir
    Path dir;

    private void broken() {
        ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n", "DROP TABLE users;\n")
                .revision("0002_leaves", List.of("0001_users"), "CREATE TABLE t_foo (id INTEGER);\n", "-- Nothing\n")
                .revision("0003_orders", List.of("0002_leaves"), "CREATE TABLE orders (id INTEGER);\n",
                        "DROP TABLE orders;\nDROP TABLE users;\n", "test: sql/0003_orders.test.sql")
                .write("sql/0003_orders.test.sql", "SELECT missing FROM orders;\n")
                .save();
    }

    @Test
    void everyFailureInTextWithItsFileThenExit3() {
        broken();
        CliRun.Result r = new CliRun(dir).run("test");
        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.LINT);
        assertThat(r.out()).contains(
                "ok      0001_users  (up, down, up again)",
                "FAILED  0002_leaves  (up)",
                "sql/0002_leaves.down.sql:1:1: error [down-does-nothing] revision '0002_leaves' is declared reversible"
                        + " but its down does nothing, while its up changes table t_foo",
                "sql/0003_orders.down.sql:1:1: error [down-mismatch] down of '0003_orders' drops table users, which"
                        + " existed before its up",
                "sql/0003_orders.test.sql:1:1: error [test-failed] test of '0003_orders' fails after its up",
                "test: 3 revisions, 1 passed, 2 failed, 0 skipped; 4 failures (sqlite, ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonJunitAndSarif() throws Exception {
        broken();
        CliRun cli = new CliRun(dir);

        CliRun.Result json = cli.run("--format", "json", "test");
        assertThat(json.exitCode()).as("%s", json).isEqualTo(ExitCodes.LINT);
        JsonOutputSchemaTest.assertValid("test", json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.at("/summary/failures").asInt()).isEqualTo(4);
        assertThat(doc.at("/failures/0/kind").asText()).isEqualTo("down-does-nothing");
        assertThat(doc.at("/failures/0/file").asText()).isEqualTo("sql/0002_leaves.down.sql");
        assertThat(doc.at("/failures/0/objects/0").asText()).isEqualTo("table t_foo");

        CliRun.Result junit = cli.run("test", "--format", "junit");
        assertThat(junit.exitCode()).as("%s", junit).isEqualTo(ExitCodes.LINT);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("0001_users");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        NodeList failures = ((Element) cases.item(2)).getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(3);
        assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("test-failed");
        assertThat(((Element) failures.item(1)).getAttribute("type")).isEqualTo("down-mismatch");
        assertThat(failures.item(1).getTextContent()).startsWith("sql/0003_orders.down.sql:1:1: down of '0003_orders'");

        CliRun.Result sarif = cli.run("test", "--format", "sarif");
        assertThat(sarif.exitCode()).as("%s", sarif).isEqualTo(ExitCodes.LINT);
        JsonNode log = new ObjectMapper().readTree(sarif.out());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode results = log.at("/runs/0/results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("down-does-nothing");
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("sql/0002_leaves.down.sql");
        assertThat(log.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("up-failed");
    }

    @Test
    void aCorrectChangelogExits0() {
        ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n", "DROP TABLE users;\n")
                .save();
        CliRun.Result r = new CliRun(dir).run("-q", "test");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("ok      0001_users", "test: 1 revision, 1 passed, 0 failed, 0 skipped; 0 failures");
        CliRun.Result other = new CliRun(dir).run("--format", "junit", "heads");
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.err()).contains("--format junit is for 'graft test' only");
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"POSTGRESQL", "MYSQL"})
    void aServerChangelogRunsOnTheDevUrl(DialectId dialect) throws Exception {
        broken();
        String server = TestDatabase.serverUrl(dialect);
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("--format", "json", "test", "--dev-url", server);
        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.LINT);
        JsonOutputSchemaTest.assertValid("test", r.out());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("dialect").asText()).isEqualTo(dialect.key());
        assertThat(doc.at("/summary/failures").asInt()).isEqualTo(4);
        assertThat(doc.get("notes")).hasSize(dialect == DialectId.MYSQL ? 1 : 0);

        String url = dialect == DialectId.POSTGRESQL ? "postgresql://localhost/app" : "mariadb://localhost/app";
        CliRun.Result noDev = cli.run("--url", url, "test");
        assertThat(noDev.exitCode()).as("%s", noDev).isEqualTo(ExitCodes.USAGE);
        assertThat(noDev.err()).contains("testing on " + dialect.key() + " needs a scratch database: pass --dev-url");
    }
}
