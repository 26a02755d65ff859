package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick schema check is never more lenient than the JSON Schema validator: every tree it
 * vouches for, the validator accepts. It vouches for the valid changelogs of the samples, so
 * that they skip the validator; what it does not vouch for, the validator words as before.
 */
class QuickSchemaTest {

    private static YamlTree tree(String yaml) {
        List<Problem> problems = new ArrayList<>();
        YamlTree tree = YamlTree.parse("c.yaml", yaml, problems).orElseThrow();
        assertThat(problems).isEmpty();
        return tree;
    }

    private static final String VALID = """
            changelog: 1
            dialects: [postgresql, sqlite]
            revisions:
              - id: 0001_users
                parents: []
                description: Create users
                labels: [core]
                up: sql/0001.up.sql
                down:
                  postgresql: sql/0001.pg.down.sql
                  sqlite: sql/0001.sqlite.down.sql
                transaction: false
              - id: 0002_orders.v2
                parents: [0001_users]
                depends_on: [0001_users]
                repeatable: true
                up: sql/0002.up.sql
            """;

    @Test
    void vouchesForAValidChangelogWithEveryKey() {
        YamlTree tree = tree(VALID);
        assertThat(SchemaCheck.quickCheckVouchesFor(tree.root())).isTrue();
        assertThat(SchemaCheck.validatorAccepts(tree.root())).isTrue();
    }

    /** Each a change of {@link #VALID} that the quick check must leave to the validator. */
    @ParameterizedTest
    @ValueSource(strings = {
        "changelog: 1|changelog: 2", "changelog: 1|changelog: 1.0", "changelog: 1|changelog: '1'",
        "dialects: [postgresql, sqlite]|dialects: [postgresql, postgresql]",
        "dialects: [postgresql, sqlite]|dialects: [postgres]",
        "    parents: []|    parnets: []", "    parents: []|    parents: ",
        "  - id: 0001_users|  - id: 0001-users", "  - id: 0001_users|  - id: 1",
        "  - id: 0001_users|  - id: \"0001_users\\n\"",
        "    labels: [core]|    labels: [core, core]", "    labels: [core]|    labels: core",
        "    up: sql/0001.up.sql|    up: ''", "    up: sql/0001.up.sql|    up: {}",
        "    up: sql/0001.up.sql|    up: {mariadb: x.sql}", "    up: sql/0001.up.sql|    up: [a.sql]",
        "    transaction: false|    transaction: 'no'", "    repeatable: true|    repeatable: 1",
        "    description: Create users|    description: 12", "    description: Create users|    colour: red",
        "changelog: 1|changelog: 1\nextra: true",
    })
    void leavesEveryKindOfMistakeToTheValidator(String change) {
        String[] parts = change.split("\\|", 2);
        assertThat(VALID).contains(parts[0]);
        YamlTree tree = tree(VALID.replace(parts[0], parts[1]));
        assertThat(SchemaCheck.quickCheckVouchesFor(tree.root())).as(change).isFalse();
    }

    @Test
    void neverVouchesForWhatTheValidatorRefusesAcrossTheSamplesAndFixtures() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("samples", "engine/src/test/resources")) {
            try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
                walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/"))
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        int vouched = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (!Utf8.isValid(bytes)) {
                continue; // a fixture of an encoding error
            }
            List<Problem> problems = new ArrayList<>();
            var tree = YamlTree.parse(file.toString(), new String(bytes, StandardCharsets.UTF_8), problems);
            if (tree.isEmpty() || !tree.get().root().has("revisions")) {
                continue;
            }
            boolean quick = SchemaCheck.quickCheckVouchesFor(tree.get().root());
            if (quick) {
                vouched++;
                assertThat(SchemaCheck.validatorAccepts(tree.get().root())).as(file.toString()).isTrue();
            }
            if (file.startsWith(root.resolve("samples"))) {
                assertThat(quick).as("the quick check vouches for the sample " + file).isTrue();
            }
        }
        assertThat(vouched).isGreaterThan(10);
    }
}
