package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graft.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML to JSON with positions, typed by the YAML 1.2 core schema. */
class YamlTreeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1       | 1",
        "0001    | 1",
        "-12     | -12",
        "0x1F    | 31",
        "0o17    | 15",
        "1.5     | 1.5",
        "true    | true",
        "False   | false",
        "~       | null",
        "null    | null",
        "yes     | \"yes\"",
        "no      | \"no\"",
        "on      | \"on\"",
        "0777_x  | \"0777_x\"",
        "1_000   | \"1_000\"",
        "2001-12-14 | \"2001-12-14\"",
        "FALSE   | false",
        "NULL    | null",
        "t19999  | \"t19999\"",
        "truely  | \"truely\"",
        "nullable | \"nullable\"",
        "sql/0001_a.up.sql | \"sql/0001_a.up.sql\"",
        "+7      | 7",
        ".5      | 0.5"})
    void plainScalarsFollowTheCoreSchema(String yaml, String json) {
        assertThat(YamlTree.core(yaml.strip()).toString()).isEqualTo(json.strip());
    }

    @Test
    void recordsWhereValuesAndKeysAre() {
        List<Problem> problems = new ArrayList<>();
        YamlTree tree = YamlTree.parse("c.yaml", "a: 1\nlist:\n  - x: 'quoted'\n    y: [1, two]\n", problems).orElseThrow();

        assertThat(problems).isEmpty();
        JsonNode root = tree.root();
        assertThat(root.at("/list/0/x").asText()).isEqualTo("quoted");
        assertThat(root.at("/list/0/y/1").asText()).isEqualTo("two");
        assertThat(tree.valueAt("/a").toString()).isEqualTo("c.yaml:1:4");
        assertThat(tree.keyAt("/list").toString()).isEqualTo("c.yaml:2:1");
        assertThat(tree.valueAt("/list/0/y/1").toString()).isEqualTo("c.yaml:4:12");
        assertThat(tree.keyAt("/list/0/y").toString()).isEqualTo("c.yaml:4:5");
        assertThat(tree.valueAt("/list/0/y/7").toString()).as("falls back to the parent").isEqualTo("c.yaml:4:8");
        assertThat(tree.sourceText("/a")).hasValue("1");
    }

    @Test
    void quotedAndTaggedScalarsAreText() {
        List<Problem> problems = new ArrayList<>();
        YamlTree tree = YamlTree.parse("c.yaml", "a: '1'\nb: !!str true\nc: !!int 7\nd: \"yes\"\n", problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(tree.root().toString()).isEqualTo("{\"a\":\"1\",\"b\":\"true\",\"c\":7,\"d\":\"yes\"}");
    }

    @Test
    void aCoreTagThatDoesNotFitIsReported() {
        List<Problem> problems = new ArrayList<>();
        YamlTree.parse("c.yaml", "a: !!int seven\n", problems);

        assertThat(problems).extracting(Problem::render).containsExactly("c.yaml:1:4: 'seven' is not a valid !!int");
    }

    @Test
    void reportsEveryDuplicateKey() {
        List<Problem> problems = new ArrayList<>();
        YamlTree.parse("c.yaml", "a: 1\nb: 2\na: 3\nb: 4\n", problems);

        assertThat(problems).extracting(Problem::render).containsExactly(
                "c.yaml:3:1: duplicate key 'a'\n  hint: 'a' is already set at line 1; keep one of them",
                "c.yaml:4:1: duplicate key 'b'\n  hint: 'b' is already set at line 2; keep one of them");
    }

    @Test
    void aFewAliasesAreFine() {
        List<Problem> problems = new ArrayList<>();
        YamlTree tree = YamlTree.parse("c.yaml", "a: &x [1, 2]\nb: *x\n", problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(tree.root().get("b").toString()).isEqualTo("[1,2]");
    }

    @Test
    void manySmallAliasesOfListsAreRefused() {
        List<Problem> problems = new ArrayList<>();
        String uses = "b: [" + String.join(", ", java.util.Collections.nCopies(51, "*a")) + "]\n";
        YamlTree.parse("c.yaml", "a: &a [x]\n" + uses, problems);

        assertThat(problems).extracting(Problem::render).containsExactly(
                "c.yaml:2:" + (5 + 4 * 50) + ": more than 50 aliases to lists or mappings\n"
                        + "  hint: a changelog needs few aliases, if any; write the values out");
    }

    @Test
    void aliasesOfScalarsKeepTheirTypeAndPlace() {
        List<Problem> problems = new ArrayList<>();
        YamlTree tree = YamlTree.parse("c.yaml", "a: &n 0x1F\nb:\n  c: *n\n", problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(tree.root().at("/b/c").intValue()).isEqualTo(31);
        assertThat(tree.sourceText("/b/c")).hasValue("0x1F");
        assertThat(tree.valueAt("/b/c").toString()).as("the value is written at the anchor").isEqualTo("c.yaml:1:4");
        assertThat(tree.keyAt("/b/c").toString()).as("the key is the alias's").isEqualTo("c.yaml:3:3");
    }

    @Test
    void keysAreTheTextAsWritten() {
        List<Problem> problems = new ArrayList<>();
        YamlTree tree = YamlTree.parse("c.yaml", "0x1F: a\n~: b\n'q': c\n", problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(tree.root().toString()).isEqualTo("{\"0x1F\":\"a\",\"~\":\"b\",\"q\":\"c\"}");
    }

    @Test
    void undefinedAliasesAreReported() {
        List<Problem> problems = new ArrayList<>();
        YamlTree.parse("c.yaml", "a: 1\nb: *nowhere\n", problems);

        assertThat(problems).extracting(Problem::render).containsExactly("c.yaml:2:4: invalid YAML: found undefined alias nowhere");
    }

    @Test
    void complexKeysAreRefused() {
        List<Problem> problems = new ArrayList<>();
        YamlTree.parse("c.yaml", "? [a, b]\n: 1\n", problems);

        assertThat(problems).extracting(Problem::render)
                .containsExactly("c.yaml:1:3: a key must be a plain value, not a list or a mapping");
    }
}
