package io.graft.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema accepts exactly changelog format 1 (DESIGN.md §2). */
class ChangelogSchemaTest {

    private static final String RESOURCE = "/io/graft/schema/changelog.schema.json";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ChangelogSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            JsonNode node = new ObjectMapper().readTree(in);
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        }
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return schema.validate(YAML.readTree(yaml));
    }

    /** Each failure as {@code type at /json/pointer}, the way the tests below name them. */
    private static List<String> failures(String yaml) throws IOException {
        return validate(yaml).stream()
                .map(m -> m.getType() + " at " + pointer(m) + (m.getProperty() == null ? "" : " (" + m.getProperty() + ")"))
                .sorted()
                .collect(Collectors.toList());
    }

    private static String pointer(ValidationMessage m) {
        StringBuilder out = new StringBuilder();
        var path = m.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(path.getElement(i));
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    @Test
    void schemaDescribesItselfForEditors() throws IOException {
        try (InputStream in = ChangelogSchemaTest.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            assertThat(root.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(root.path("$id").asText()).isNotBlank();
            assertThat(root.path("title").asText()).isNotBlank();
            assertThat(root.path("description").asText()).isNotBlank();
            List<String> undocumented = new java.util.ArrayList<>();
            collectUndocumented(root, "", undocumented);
            assertThat(undocumented).as("properties without a description").isEmpty();
        }
    }

    private static void collectUndocumented(JsonNode node, String at, List<String> out) {
        JsonNode props = node.path("properties");
        props.fieldNames().forEachRemaining(name -> {
            if (!props.get(name).hasNonNull("description")) {
                out.add(at + "/" + name);
            }
        });
        for (var e : node.properties()) {
            if (e.getValue().isContainerNode()) {
                collectUndocumented(e.getValue(), at + "/" + e.getKey(), out);
            }
        }
    }

    static List<String> validDocuments() {
        return List.of(
                "changelog: 1\nrevisions: []\n",
                """
                changelog: 1
                revisions:
                  - id: r1
                    parents: []
                    up: r1.sql
                """,
                """
                changelog: 1
                dialects: [postgresql, sqlite, mysql]
                revisions:
                  - id: 0001_create_users
                    parents: []
                    description: Create users
                    labels: [core, v1.0]
                    depends_on: [auth.0003]
                    up: sql/0001.up.sql
                    down: sql/0001.down.sql
                    transaction: false
                  - id: 0002_orders
                    parents: [0001_create_users, auth.0003]
                    up:
                      postgresql: sql/0002.pg.up.sql
                      sqlite: sql/0002.sqlite.up.sql
                      mysql: sql/0002.my.up.sql
                    down:
                      postgresql: sql/0002.pg.down.sql
                  - id: views_orders
                    parents: [0002_orders]
                    repeatable: true
                    up: sql/views_orders.sql
                """);
    }

    @ParameterizedTest
    @MethodSource("validDocuments")
    void acceptsValidChangelogs(String yaml) throws IOException {
        assertThat(failures(yaml)).isEmpty();
    }

    static List<Arguments> invalidDocuments() {
        String rev = "changelog: 1\nrevisions:\n  - id: r1\n    parents: []\n    up: a.sql\n";
        return List.of(
                Arguments.of("not a mapping", "- a\n- b\n", "type at /"),
                Arguments.of("format 2", "changelog: 2\nrevisions: []\n", "const at /changelog"),
                Arguments.of("format as text", "changelog: '1'\nrevisions: []\n", "const at /changelog"),
                Arguments.of("no format", "revisions: []\n", "required at / (changelog)"),
                Arguments.of("no revisions", "changelog: 1\n", "required at / (revisions)"),
                Arguments.of("revisions not a list", "changelog: 1\nrevisions: {}\n", "type at /revisions"),
                Arguments.of("unknown top-level key", "changelog: 1\nrevisions: []\nrevison: []\n",
                        "additionalProperties at / (revison)"),
                Arguments.of("unknown dialect", "changelog: 1\ndialects: [postgres]\nrevisions: []\n",
                        "enum at /dialects/0"),
                Arguments.of("duplicate dialect", "changelog: 1\ndialects: [sqlite, sqlite]\nrevisions: []\n",
                        "uniqueItems at /dialects"),
                Arguments.of("dialects not a list", "changelog: 1\ndialects: sqlite\nrevisions: []\n",
                        "type at /dialects"),
                Arguments.of("revision not a mapping", "changelog: 1\nrevisions: [r1]\n", "type at /revisions/0"),
                Arguments.of("missing id", "changelog: 1\nrevisions:\n  - parents: []\n    up: a.sql\n",
                        "required at /revisions/0 (id)"),
                Arguments.of("missing parents", "changelog: 1\nrevisions:\n  - id: r1\n    up: a.sql\n",
                        "required at /revisions/0 (parents)"),
                Arguments.of("missing up", "changelog: 1\nrevisions:\n  - id: r1\n    parents: []\n",
                        "required at /revisions/0 (up)"),
                Arguments.of("id with target syntax", rev.replace("id: r1", "id: add-users"),
                        "pattern at /revisions/0/id"),
                Arguments.of("id too long", rev.replace("id: r1", "id: " + "a".repeat(129)),
                        "pattern at /revisions/0/id"),
                Arguments.of("empty id", rev.replace("id: r1", "id: ''"), "pattern at /revisions/0/id"),
                Arguments.of("id a number", rev.replace("id: r1", "id: 12"), "type at /revisions/0/id"),
                Arguments.of("parent with target syntax", rev.replace("parents: []", "parents: [a-1]"),
                        "pattern at /revisions/0/parents/0"),
                Arguments.of("parents not a list", rev.replace("parents: []", "parents: r0"),
                        "type at /revisions/0/parents"),
                Arguments.of("parent twice", rev.replace("parents: []", "parents: [a, a]"),
                        "uniqueItems at /revisions/0/parents"),
                Arguments.of("label twice", rev + "    labels: [x, x]\n", "uniqueItems at /revisions/0/labels"),
                Arguments.of("label with @", rev + "    labels: [x@y]\n", "pattern at /revisions/0/labels/0"),
                Arguments.of("depends_on twice", rev + "    depends_on: [a, a]\n",
                        "uniqueItems at /revisions/0/depends_on"),
                Arguments.of("description a list", rev + "    description: [a]\n",
                        "type at /revisions/0/description"),
                Arguments.of("transaction yes", rev + "    transaction: 'yes'\n",
                        "type at /revisions/0/transaction"),
                Arguments.of("repeatable yes", rev + "    repeatable: 'yes'\n",
                        "type at /revisions/0/repeatable"),
                Arguments.of("unknown revision key", rev + "    parnets: []\n",
                        "additionalProperties at /revisions/0 (parnets)"),
                Arguments.of("up a number", rev.replace("up: a.sql", "up: 3"), "type at /revisions/0/up"),
                Arguments.of("up empty path", rev.replace("up: a.sql", "up: ''"), "minLength at /revisions/0/up"),
                Arguments.of("up empty map", rev.replace("up: a.sql", "up: {}"),
                        "minProperties at /revisions/0/up"),
                Arguments.of("up unknown dialect", rev.replace("up: a.sql", "up: {postgres: a.sql}"),
                        "additionalProperties at /revisions/0/up (postgres)"),
                Arguments.of("up dialect file a list", rev.replace("up: a.sql", "up: {sqlite: [a.sql]}"),
                        "type at /revisions/0/up/sqlite"),
                Arguments.of("down a list", rev + "    down: [a.sql]\n", "type at /revisions/0/down"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void rejectsInvalidChangelogs(String name, String yaml, String expected) throws IOException {
        assertThat(failures(yaml)).containsExactly(expected);
    }

    @Test
    void reportsEveryFailureOfADocument() throws IOException {
        String yaml = """
                changelog: 1
                revisions:
                  - id: a-b
                    parnets: []
                    up: a.sql
                    transaction: 'no'
                """;
        assertThat(failures(yaml)).containsExactly(
                "additionalProperties at /revisions/0 (parnets)",
                "pattern at /revisions/0/id",
                "required at /revisions/0 (parents)",
                "type at /revisions/0/transaction");
    }
}
