package io.graft.internal.changelog;

import io.graft.internal.dialect.Dialects;
import io.graft.internal.text.DidYouMean;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.internal.concurrent.Background;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Checks a changelog tree against {@code changelog.schema.json}, the one definition of the
 * format's shape, and words each failure for a person: which key, in which revision, and the fix.
 */
final class SchemaCheck {

    static final String RESOURCE = "/io/graft/schema/changelog.schema.json";

    /** Id syntax is reported by {@link RevisionReader}, with a corrected id as the hint. */
    private static final Pattern ID_LIKE = Pattern.compile("/revisions/\\d+/(id|(parents|depends_on|labels)/\\d+)");
    private static final Pattern REVISION = Pattern.compile("/revisions/(\\d+)(/.*)?");
    private static final Pattern SQL_REF = Pattern.compile("/revisions/\\d+/(up|down)");
    private static final String DIALECTS = String.join(", ", Dialects.keys());

    private final YamlTree tree;

    private SchemaCheck(YamlTree tree) {
        this.tree = tree;
    }

    /** The schema as JSON (its property lists word the messages) and the quick check read from it. */
    private record Schema(JsonNode json, QuickSchema quick) {
    }

    /** Read once per process (see {@link #prepare()}): the schema never changes. */
    private static CompletableFuture<Schema> schema;

    /** The full validator, compiled once per process when a changelog first needs it. */
    private static JsonSchema validator;

    /**
     * Starts reading the schema on a thread of its own, once per process. The full validator is
     * compiled only for a changelog that the quick check does not vouch for: in a fresh JVM its
     * classes and the compiled schema cost more than reading a changelog of a thousand revisions.
     */
    static synchronized CompletableFuture<Schema> prepare() {
        if (schema == null) {
            schema = Background.start("graft-schema", () -> {
                JsonNode json = readSchema();
                return new Schema(json, new QuickSchema(json));
            });
        }
        return schema;
    }

    private static Schema schema() {
        return Background.join(prepare());
    }

    private static synchronized JsonSchema validator() {
        if (validator == null) {
            validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema().json());
        }
        return validator;
    }

    /** The schema's JSON, read with Jackson's streaming parser (an {@code ObjectMapper} costs more to set up). */
    private static JsonNode readSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (graft-changelog-schema)");
            }
            try (JsonParser parser = new JsonFactory().createParser(in)) {
                parser.nextToken();
                return tree(parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The value at the parser's current token, and everything inside it. */
    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("unexpected end of the schema");
        }
        switch (token) {
            case START_OBJECT:
                ObjectNode object = json.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.getCurrentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = json.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                return array;
            case VALUE_STRING:
                return json.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.INT
                        ? json.numberNode(parser.getIntValue())
                        : parser.getNumberType() == JsonParser.NumberType.LONG
                                ? json.numberNode(parser.getLongValue())
                                : json.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return json.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return json.booleanNode(true);
            case VALUE_FALSE:
                return json.booleanNode(false);
            case VALUE_NULL:
                return json.nullNode();
            default:
                throw new IOException("unexpected " + token + " in the schema");
        }
    }

    /** Every schema failure of {@code tree}, worded and located. */
    static List<Problem> check(YamlTree tree) {
        if (schema().quick().vouchesFor(tree.root())) {
            return List.of();
        }
        SchemaCheck check = new SchemaCheck(tree);
        Set<ValidationMessage> messages = validator().validate(tree.root());
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage message : messages) {
            String at = pointer(message.getInstanceLocation());
            if (!check.isMisspelt(message, at)) {
                check.translate(message, at, problems);
            }
        }
        return problems;
    }

    /** For tests: the full validator's verdict alone, quick check or not. */
    static boolean validatorAccepts(JsonNode root) {
        return validator().validate(root).isEmpty();
    }

    /** For tests: the quick check's verdict alone. */
    static boolean quickCheckVouchesFor(JsonNode root) {
        return schema().quick().vouchesFor(root);
    }

    /**
     * A missing key that is only misspelt: {@code parnets} makes {@code parents} both unknown
     * and missing, and the did-you-mean on the unknown key already says all there is to say.
     */
    private boolean isMisspelt(ValidationMessage m, String object) {
        if (!m.getType().equals("required") || SQL_REF.matcher(object).matches()) {
            return false;
        }
        JsonNode value = tree.root().at(object);
        List<String> allowed = allowedKeys(object);
        for (var names = value.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)
                    && DidYouMean.closest(key, allowed).filter(m.getProperty()::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String pointer(JsonNodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append(element instanceof Integer index
                    ? YamlTree.child("", index)
                    : YamlTree.child("", String.valueOf(element)));
        }
        return out.toString();
    }

    private void translate(ValidationMessage m, String at, List<Problem> out) {
        switch (m.getType()) {
            case "additionalProperties" -> out.add(unknownKey(at, m.getProperty()));
            case "required" -> out.add(required(at, m.getProperty()));
            case "type" -> out.add(wrongType(at, m.getSchemaNode()));
            case "const" -> out.add(Problem.at(tree.valueAt(at),
                    "unsupported changelog format " + actual(at), "this version of Graft reads format 1: 'changelog: 1'"));
            case "enum" -> out.add(unknownDialect(tree.valueAt(at), text(at), "'" + text(at) + "'"));
            case "uniqueItems" -> duplicates(at, out);
            case "minLength" -> out.add(Problem.at(tree.valueAt(at), name(at) + context(at) + " is an empty path",
                    "name an SQL file, relative to the changelog's folder"));
            case "minProperties" -> out.add(Problem.at(tree.valueAt(at), name(at) + context(at) + " names no file",
                    "map each dialect to its file, e.g. 'sqlite: sql/0001.sqlite.sql'"));
            case "pattern" -> {
                if (!ID_LIKE.matcher(at).matches()) {
                    out.add(Problem.at(tree.valueAt(at), name(at) + context(at) + " is invalid: " + m.getMessage()));
                }
            }
            default -> out.add(Problem.at(tree.valueAt(at), m.getMessage()));
        }
    }

    private Problem unknownKey(String object, String key) {
        SourceSpan where = tree.keyAt(YamlTree.child(object, key));
        if (SQL_REF.matcher(object).matches()) {
            return unknownDialect(where, key, "'" + key + "' in " + name(object) + " of " + revisionName(object));
        }
        List<String> allowed = allowedKeys(object);
        String owner = object.isEmpty() ? " at the top level" : context(object + "/" + key);
        String hint = DidYouMean.closest(key, allowed)
                .map(s -> "did you mean '" + s + "'?")
                .orElse("allowed keys: " + String.join(", ", allowed));
        return Problem.at(where, "unknown key '" + key + "'" + owner, hint);
    }

    private static Problem unknownDialect(SourceSpan where, String dialect, String what) {
        String hint = dialect.equalsIgnoreCase("mariadb")
                ? "use 'mysql' for MySQL and MariaDB"
                : DidYouMean.closest(dialect, Dialects.keys())
                        .map(s -> "did you mean '" + s + "'?")
                        .orElse("dialects are " + DIALECTS);
        return Problem.at(where, "unknown dialect " + what, hint);
    }

    private List<String> allowedKeys(String object) {
        JsonNode properties = object.isEmpty()
                ? schema().json().path("properties")
                : schema().json().path("$defs").path("revision").path("properties");
        List<String> keys = new ArrayList<>();
        properties.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private Problem required(String object, String key) {
        String hint = switch (key) {
            case "changelog" -> "start the file with 'changelog: 1'";
            case "revisions" -> "add 'revisions:' with a list of revisions, or 'revisions: []'";
            case "id" -> "give the revision an id of letters, digits, '_' and '.'";
            case "parents" -> "write 'parents: []' for a root revision";
            case "up" -> "name the SQL file that applies the revision, relative to the changelog's folder";
            default -> null;
        };
        String where = object.isEmpty() ? "" : " in " + revisionName(object);
        return Problem.at(tree.valueAt(object), "'" + key + "' is required" + where, hint);
    }

    private Problem wrongType(String at, JsonNode schemaType) {
        JsonNode value = tree.root().at(at);
        String expected = expected(at, schemaType);
        String hint = null;
        if (value.isValueNode() && !value.isTextual() && !value.isNull() && expected.contains("text")) {
            hint = "write it in quotes: '" + actual(at) + "'";
        } else if (value.isTextual() && expected.equals("a list")) {
            hint = "write a list: [" + value.asText() + "]";
        }
        if (at.isEmpty()) {
            return Problem.at(tree.valueAt(at), "the changelog must be a mapping, not " + actual(at),
                    "start it with 'changelog: 1' and 'revisions:'");
        }
        var revision = REVISION.matcher(at);
        if (revision.matches() && revision.group(2) == null) {
            return Problem.at(tree.valueAt(at), revisionName(at) + " must be a mapping, not " + actual(at),
                    "a revision is a mapping with at least 'id', 'parents' and 'up'");
        }
        return Problem.at(tree.valueAt(at), name(at) + context(at) + " must be " + expected + ", not " + actual(at), hint);
    }

    private static String expected(String at, JsonNode schemaType) {
        List<String> types = new ArrayList<>();
        if (schemaType != null && schemaType.isArray()) {
            schemaType.forEach(t -> types.add(t.asText()));
        } else if (schemaType != null) {
            types.add(schemaType.asText());
        }
        if (types.contains("object") && types.contains("string")) {
            return "a file path or a mapping from dialect to file path";
        }
        if (SQL_REF.matcher(at.substring(0, Math.max(0, at.lastIndexOf('/')))).matches()) {
            return "a file path (text)";
        }
        return switch (types.isEmpty() ? "" : types.get(0)) {
            case "string" -> "text";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a mapping";
            case "integer", "number" -> "a number";
            default -> String.join(" or ", types);
        };
    }

    private void duplicates(String array, List<Problem> out) {
        JsonNode items = tree.root().at(array);
        Map<JsonNode, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer earlier = first.putIfAbsent(items.get(i), i);
            if (earlier != null) {
                String item = YamlTree.child(array, i);
                out.add(Problem.at(tree.valueAt(item),
                        "'" + text(item) + "' is listed twice in " + name(array) + context(array),
                        "remove one of them"));
            }
        }
    }

    /** The value's text, or how it was written when it is not text. */
    private String text(String at) {
        JsonNode value = tree.root().at(at);
        return value.isTextual() ? value.asText() : tree.sourceText(at).orElse(value.toString());
    }

    /** How a wrong value reads in a message: {@code "yes"}, {@code 0001}, {@code a list}. */
    private String actual(String at) {
        JsonNode value = tree.root().at(at);
        if (value.isTextual()) {
            return value.toString();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isNull() || value.isMissingNode()) {
            return "empty";
        }
        return tree.sourceText(at).orElse(value.toString());
    }

    /**
     * A value's name for messages: {@code 'transaction'}, {@code 'parents[1]'}, {@code 'up.sqlite'},
     * relative to its revision, or to the top level outside revisions.
     */
    static String name(String pointer) {
        var revision = REVISION.matcher(pointer);
        String relative = revision.matches() ? String.valueOf(revision.group(2)) : pointer;
        StringBuilder out = new StringBuilder();
        for (String part : relative.substring(1).split("/")) {
            String key = part.replace("~1", "/").replace("~0", "~");
            if (key.chars().allMatch(Character::isDigit) && out.length() > 0) {
                out.append('[').append(key).append(']');
            } else {
                out.append(out.length() > 0 ? "." : "").append(key);
            }
        }
        return "'" + out + "'";
    }

    /** {@code " in revision '0002_x'"} for values inside a revision, else nothing. */
    private String context(String pointer) {
        var revision = REVISION.matcher(pointer);
        return revision.matches() && revision.group(2) != null ? " in " + revisionName(pointer) : "";
    }

    /** {@code revision '0002_x'} by its id when it has one, else {@code revision #3} by position. */
    private String revisionName(String pointer) {
        var revision = REVISION.matcher(pointer);
        if (!revision.matches()) {
            return "the changelog";
        }
        int index = Integer.parseInt(revision.group(1));
        JsonNode id = tree.root().path("revisions").path(index).path("id");
        return id.isTextual() && !id.asText().isEmpty()
                ? "revision '" + id.asText() + "'"
                : "revision #" + (index + 1);
    }
}
