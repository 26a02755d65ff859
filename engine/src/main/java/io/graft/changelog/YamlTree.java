package io.graft.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML document turned into JSON, remembering where each value and each key came from
 * (by JSON pointer), so that schema and model errors can name a line and column.
 *
 * <p>SnakeYAML only composes the node tree here; no object is ever constructed, so a
 * {@code !!java...} tag cannot run code. Explicit tags other than the core ones are reported.
 * Plain scalars are typed by the YAML 1.2 core schema, not SnakeYAML's YAML 1.1 rules:
 * {@code yes}, {@code on} and {@code 0777} stay what they look like to a person reading the file.
 */
final class YamlTree {

    static final int MAX_CODE_POINTS = 10 * 1024 * 1024;
    private static final int MAX_NESTING = 50;
    private static final int MAX_ALIASES = 50;
    /** How many values aliases may add to the tree; a changelog needs few, an alias bomb billions. */
    private static final int MAX_ALIAS_EXPANSION = 10_000;

    private static final Tag PLAIN = new Tag("tag:graft.io,2025:plain");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?(\\.inf|\\.Inf|\\.INF)");
    private static final Pattern NAN = Pattern.compile("\\.nan|\\.NaN|\\.NAN");

    private final String file;
    private final JsonNode root;
    private final Map<String, SourceSpan> valueSpans;
    private final Map<String, SourceSpan> keySpans;
    private final Map<String, String> sourceText;

    private YamlTree(String file, JsonNode root, Map<String, SourceSpan> valueSpans,
            Map<String, SourceSpan> keySpans, Map<String, String> sourceText) {
        this.file = file;
        this.root = root;
        this.valueSpans = valueSpans;
        this.keySpans = keySpans;
        this.sourceText = sourceText;
    }

    /**
     * Parses one YAML document. Problems (syntax, tags, duplicate keys, alias bombs) are added to
     * {@code problems}; the result is empty when the text cannot be turned into a tree at all.
     */
    static Optional<YamlTree> parse(String file, String text, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        // Global tags are refused by Converter, each with its place, instead of the composer
        // stopping at the first one. Nothing is ever constructed from a tag.
        options.setTagInspector(tag -> true);
        TrackingParser parser = new TrackingParser(new ParserImpl(new StreamReader(text), options));
        Node node;
        try {
            node = new Composer(parser, new CoreResolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            if ("but found another document".equals(e.getProblem())) {
                problems.add(Problem.at(span(file, e.getProblemMark()), "a second YAML document starts here",
                        "a changelog is one document; remove this '---' and what follows, or merge it into the first"));
                return Optional.empty();
            }
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : parser.last;
            problems.add(Problem.at(span(file, mark), "invalid YAML: " + e.getProblem(), context(e)));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(limitProblem(file, parser.last, e));
            return Optional.empty();
        }
        if (node == null) {
            problems.add(Problem.at(new SourceSpan(file, 1, 1), "the changelog is empty",
                    "start it with 'changelog: 1' and 'revisions: []'"));
            return Optional.empty();
        }
        Converter converter = new Converter(file, problems);
        try {
            JsonNode root = converter.convert(node, "", 0);
            return Optional.of(new YamlTree(file, root, converter.valueSpans, converter.keySpans,
                    converter.sourceText));
        } catch (TooBig e) {
            problems.add(e.problem);
            return Optional.empty();
        }
    }

    private static String context(MarkedYAMLException e) {
        if (e.getContext() == null) {
            return null;
        }
        Mark mark = e.getContextMark();
        return mark == null ? e.getContext()
                : e.getContext() + " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** SnakeYAML's limits throw without a position; the last event read is where it stopped. */
    private static Problem limitProblem(String file, Mark last, YAMLException e) {
        SourceSpan where = last == null ? new SourceSpan(file, 1, 1) : span(file, last);
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Number of aliases")) {
            return Problem.at(where, "more than " + MAX_ALIASES + " aliases to lists or mappings",
                    "a changelog needs few aliases, if any; write the values out");
        }
        if (message.startsWith("Nesting Depth")) {
            return Problem.at(where, "values are nested more than " + MAX_NESTING + " levels deep",
                    "a changelog is at most four levels deep");
        }
        if (message.contains("exceeds the limit")) {
            return Problem.at(where, "the changelog is larger than " + MAX_CODE_POINTS + " characters");
        }
        return Problem.at(where, "invalid YAML: " + message);
    }

    static SourceSpan span(String file, Mark mark) {
        return new SourceSpan(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    JsonNode root() {
        return root;
    }

    String file() {
        return file;
    }

    /** Where the value at {@code pointer} starts, or its closest ancestor that exists. */
    SourceSpan valueAt(String pointer) {
        String p = pointer;
        while (true) {
            SourceSpan span = valueSpans.get(p);
            if (span != null) {
                return span;
            }
            if (p.isEmpty()) {
                return new SourceSpan(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of the property at {@code pointer} is written; the value's place for list items. */
    SourceSpan keyAt(String pointer) {
        SourceSpan span = keySpans.get(pointer);
        return span != null ? span : valueAt(pointer);
    }

    /** How a non-string scalar was written ({@code 0001}, {@code yes}), for messages. */
    Optional<String> sourceText(String pointer) {
        return Optional.ofNullable(sourceText.get(pointer));
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Leaves plain scalars untyped so that {@link Converter} can apply the core schema. */
    private static final class CoreResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
        }
    }

    /** Remembers where the last event started, for errors SnakeYAML raises without a mark. */
    private static final class TrackingParser implements Parser {
        private final Parser delegate;
        private Mark last;

        TrackingParser(Parser delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = delegate.getEvent();
            last = event.getStartMark();
            return event;
        }
    }

    /** Stops conversion when aliases would expand without end. */
    private static final class TooBig extends RuntimeException {
        final transient Problem problem;

        TooBig(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private static final class Converter {
        private final String file;
        private final List<Problem> problems;
        private final Map<String, SourceSpan> valueSpans = new HashMap<>();
        private final Map<String, SourceSpan> keySpans = new HashMap<>();
        private final Map<String, String> sourceText = new HashMap<>();
        private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<Node, Integer> sizes = new IdentityHashMap<>();
        private long expanded;

        Converter(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        JsonNode convert(Node node, String pointer, int depth) {
            SourceSpan where = span(file, node.getStartMark());
            if (inProgress.contains(node)) {
                throw new TooBig(Problem.at(where, "the alias *" + node.getAnchor() + " refers to itself",
                        "a changelog cannot hold recursive data"));
            }
            Integer seen = sizes.get(node);
            if (seen != null) {
                expanded += seen;
                if (expanded > MAX_ALIAS_EXPANSION) {
                    throw new TooBig(Problem.at(where, "aliases of &" + node.getAnchor() + " expand to more than "
                            + MAX_ALIAS_EXPANSION + " values", "a changelog needs few aliases, if any; write the values out"));
                }
            }
            if (depth > 4 * MAX_NESTING) {
                throw new TooBig(Problem.at(where, "aliases nest values more than " + 4 * MAX_NESTING + " levels deep"));
            }
            valueSpans.put(pointer, where);
            inProgress.add(node);
            int[] size = {1};
            JsonNode result;
            if (node instanceof ScalarNode scalar) {
                result = scalar(scalar, pointer, where);
            } else if (node instanceof SequenceNode sequence) {
                checkTag(node, Tag.SEQ, where);
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    Node item = items.get(i);
                    array.add(convert(item, child(pointer, i), depth + 1));
                    size[0] += sizes.get(item);
                }
                result = array;
            } else {
                checkTag(node, Tag.MAP, where);
                result = mapping((MappingNode) node, pointer, depth, size);
            }
            inProgress.remove(node);
            sizes.put(node, size[0]);
            return result;
        }

        private ObjectNode mapping(MappingNode node, String pointer, int depth, int[] size) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                SourceSpan keySpan = span(file, keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    problems.add(Problem.at(keySpan, "a key must be a plain value, not a list or a mapping"));
                    continue;
                }
                if (!keyNode.getTag().equals(PLAIN) && !isCoreTag(keyNode.getTag())) {
                    badTag(keyNode.getTag(), keySpan);
                }
                String key = scalarKey.getValue();
                String childPointer = child(pointer, key);
                if (object.has(key)) {
                    SourceSpan first = keySpans.get(childPointer);
                    problems.add(Problem.at(keySpan, "duplicate key '" + key + "'",
                            "'" + key + "' is already set at line " + first.line() + "; keep one of them"));
                    continue;
                }
                keySpans.put(childPointer, keySpan);
                Node value = tuple.getValueNode();
                object.set(key, convert(value, childPointer, depth + 1));
                size[0] += sizes.get(value) + 1;
            }
            return object;
        }

        private JsonNode scalar(ScalarNode node, String pointer, SourceSpan where) {
            String value = node.getValue();
            Tag tag = node.getTag();
            if (tag.equals(Tag.STR)) {
                return JsonNodeFactory.instance.textNode(value);
            }
            JsonNode typed = core(value);
            if (!typed.isTextual()) {
                sourceText.put(pointer, value);
            }
            if (tag.equals(PLAIN)) {
                return typed;
            }
            boolean matches = tag.equals(Tag.NULL) && typed.isNull()
                    || tag.equals(Tag.BOOL) && typed.isBoolean()
                    || tag.equals(Tag.INT) && typed.isIntegralNumber()
                    || tag.equals(Tag.FLOAT) && typed.isNumber();
            if (!matches) {
                if (isCoreTag(tag)) {
                    problems.add(Problem.at(where, "'" + value + "' is not a valid " + shortTag(tag)));
                } else {
                    badTag(tag, where);
                }
                return JsonNodeFactory.instance.textNode(value);
            }
            return tag.equals(Tag.FLOAT) ? JsonNodeFactory.instance.numberNode(typed.doubleValue()) : typed;
        }

        private void checkTag(Node node, Tag expected, SourceSpan where) {
            if (!node.getTag().equals(expected)) {
                badTag(node.getTag(), where);
            }
        }

        private void badTag(Tag tag, SourceSpan where) {
            problems.add(Problem.at(where, "the tag '" + shortTag(tag) + "' is not allowed",
                    "a changelog holds plain text, numbers, booleans, lists and mappings; remove the tag"));
        }

        private static boolean isCoreTag(Tag tag) {
            return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
                    || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL);
        }

        private static String shortTag(Tag tag) {
            String value = tag.getValue();
            return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
        }
    }

    /** The YAML 1.2 core schema's reading of a plain scalar. */
    static JsonNode core(String value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (plainText(value)) {
            return json.textNode(value);
        }
        if (NULL.matcher(value).matches()) {
            return json.nullNode();
        }
        if (BOOL.matcher(value).matches()) {
            return json.booleanNode(value.charAt(0) == 't' || value.charAt(0) == 'T');
        }
        if (INT.matcher(value).matches()) {
            return integer(new BigInteger(value.startsWith("+") ? value.substring(1) : value));
        }
        if (OCTAL.matcher(value).matches()) {
            return integer(new BigInteger(value.substring(2), 8));
        }
        if (HEX.matcher(value).matches()) {
            return integer(new BigInteger(value.substring(2), 16));
        }
        if (FLOAT.matcher(value).matches()) {
            return json.numberNode(Double.parseDouble(value));
        }
        if (INFINITY.matcher(value).matches()) {
            return json.numberNode(value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (NAN.matcher(value).matches()) {
            return json.numberNode(Double.NaN);
        }
        return json.textNode(value);
    }

    /**
     * Text that none of the patterns below can match, decided from its first character: most
     * scalars of a changelog (ids, paths) are, and a large changelog holds a million of them.
     * Null and booleans are at most 5 characters; numbers, infinities and NaN start with one of
     * {@code +-.0-9}.
     */
    private static boolean plainText(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        boolean numberStart = first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9');
        return !numberStart && (value.length() > 5 || "~nNtTfF".indexOf(first) < 0);
    }

    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return JsonNodeFactory.instance.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return JsonNodeFactory.instance.numberNode(value.longValue());
        }
        return JsonNodeFactory.instance.numberNode(value);
    }
}
