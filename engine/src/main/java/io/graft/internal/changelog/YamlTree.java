package io.graft.internal.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.internal.changelog.Placed.PArray;
import io.graft.internal.changelog.Placed.PObject;
import io.graft.internal.changelog.Placed.PText;
import io.graft.internal.changelog.Placed.Place;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A YAML document turned into JSON, each value remembering where it and its key were written
 * (see {@link Placed}), so that schema and model errors can name a line and column.
 *
 * <p>The tree is built straight from SnakeYAML's event stream: no node graph is composed and no
 * object is ever constructed, so a {@code !!java...} tag cannot run code, and a large changelog
 * is held once, not three times. Explicit tags other than the core ones are reported. Plain
 * scalars are typed by the YAML 1.2 core schema, not SnakeYAML's YAML 1.1 rules: {@code yes},
 * {@code on} and {@code 0777} stay what they look like to a person reading the file. Anchors and
 * aliases work, within limits that stop alias bombs early.
 *
 * <p>Longer than most files here on purpose: the event loop, the YAML 1.2 typing of scalars and
 * the alias limits are one state machine over one event stream; split, each part would need the
 * others' state.
 */
final class YamlTree {

    static final int MAX_CODE_POINTS = 10 * 1024 * 1024;
    private static final int MAX_NESTING = 50;
    private static final int MAX_ALIASES = 50;
    /** How many values aliases may add to the tree; a changelog needs few, an alias bomb billions. */
    private static final int MAX_ALIAS_EXPANSION = 10_000;

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

    private YamlTree(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Parses one YAML document. Problems (syntax, tags, duplicate keys, alias bombs) are added to
     * {@code problems}; the result is empty when the text cannot be turned into a tree at all.
     */
    static Optional<YamlTree> parse(String file, String text, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        Builder builder = new Builder(file, new ParserImpl(new StreamReader(text), options), problems);
        try {
            return builder.document().map(root -> new YamlTree(file, root));
        } catch (Stop e) {
            problems.add(e.problem);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : builder.last;
            problems.add(Problem.at(span(file, mark), "invalid YAML: " + e.getProblem(), context(e)));
        } catch (YAMLException e) {
            problems.add(limitProblem(file, builder.last, e));
        }
        return Optional.empty();
    }

    private static String context(MarkedYAMLException e) {
        if (e.getContext() == null) {
            return null;
        }
        Mark mark = e.getContextMark();
        return mark == null ? e.getContext()
                : e.getContext() + " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** SnakeYAML's reader stops at its size limit without a position; the last event read is where. */
    private static Problem limitProblem(String file, Mark last, YAMLException e) {
        SourceSpan where = last == null ? new SourceSpan(file, 1, 1) : span(file, last);
        String message = String.valueOf(e.getMessage());
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

    /** Where {@code value} starts; {@code orElse}'s place when it is missing (a key not written). */
    SourceSpan spanOf(JsonNode value, JsonNode orElse) {
        if (value instanceof Placed placed) {
            return span(placed.place());
        }
        return orElse instanceof Placed placed ? span(placed.place()) : new SourceSpan(file, 1, 1);
    }

    /** Where the key of {@code value} is written; where the value starts for list items and the root. */
    SourceSpan keySpanOf(JsonNode value) {
        if (value instanceof Placed placed && placed.place().keyLine() > 0) {
            return new SourceSpan(file, placed.place().keyLine(), placed.place().keyColumn());
        }
        return spanOf(value, root);
    }

    /** Where the value at {@code pointer} starts, or its closest ancestor that exists. */
    SourceSpan valueAt(String pointer) {
        JsonNode found = root;
        JsonNode node = root;
        int from = 1;
        while (node != null && from <= pointer.length()) {
            int to = pointer.indexOf('/', from);
            to = to < 0 ? pointer.length() : to;
            node = child(node, pointer.substring(from, to));
            if (node != null) {
                found = node;
            }
            from = to + 1;
        }
        return spanOf(found, root);
    }

    /** Where the key of the property at {@code pointer} is written; the value's place for list items. */
    SourceSpan keyAt(String pointer) {
        JsonNode value = root.at(pointer);
        return value instanceof Placed ? keySpanOf(value) : valueAt(pointer);
    }

    /** How a non-string scalar was written ({@code 0001}, {@code yes}), for messages. */
    Optional<String> sourceText(String pointer) {
        return root.at(pointer) instanceof Placed placed ? Optional.ofNullable(placed.place().source()) : Optional.empty();
    }

    private SourceSpan span(Place place) {
        return new SourceSpan(file, place.line(), place.column());
    }

    private static JsonNode child(JsonNode node, String escaped) {
        String name = escaped.indexOf('~') < 0 ? escaped : escaped.replace("~1", "/").replace("~0", "~");
        if (node.isObject()) {
            return node.get(name);
        }
        if (node.isArray() && !name.isEmpty() && name.length() < 10 && name.chars().allMatch(Character::isDigit)) {
            return node.get(Integer.parseInt(name));
        }
        return null;
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Stops building at a problem after which the rest of the tree would mean nothing. */
    private static final class Stop extends RuntimeException {
        final transient Problem problem;

        Stop(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * What an anchor names: its value (null while it is being built), how many values it holds,
     * how deep they nest, and where it starts.
     */
    private record Anchored(JsonNode value, int size, int height, Mark mark) {
    }

    /** Builds the tree from the events of one document. */
    private static final class Builder {
        private final String file;
        private final Parser parser;
        private final List<Problem> problems;
        private final Map<String, Anchored> anchors = new HashMap<>();
        /** The start of the last event read, for errors SnakeYAML raises without a place. */
        private Mark last;
        /** Values built so far, aliases counted with everything they stand for. */
        private int values;
        private int deepest;
        private int expanded;
        private int collectionAliases;

        Builder(String file, Parser parser, List<Problem> problems) {
            this.file = file;
            this.parser = parser;
            this.problems = problems;
        }

        private Event next() {
            Event event = parser.getEvent();
            last = event.getStartMark();
            return event;
        }

        Optional<JsonNode> document() {
            next(); // stream start
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                problems.add(Problem.at(new SourceSpan(file, 1, 1), "the changelog is empty",
                        "start it with 'changelog: 1' and 'revisions: []'"));
                return Optional.empty();
            }
            next(); // document start
            JsonNode root = value(0, 0, 0);
            next(); // document end
            if (parser.checkEvent(Event.ID.DocumentStart)) {
                problems.add(Problem.at(span(file, parser.peekEvent().getStartMark()), "a second YAML document starts here",
                        "a changelog is one document; remove this '---' and what follows, or merge it into the first"));
                return Optional.empty();
            }
            return Optional.of(root);
        }

        /**
         * The next value, inside {@code depth} lists and mappings, under a key written at
         * {@code keyLine:keyColumn} (0 for list items and the root).
         */
        private JsonNode value(int depth, int keyLine, int keyColumn) {
            Event peeked = parser.peekEvent();
            if (peeked instanceof CollectionStartEvent && depth > MAX_NESTING) {
                throw new Stop(Problem.at(span(file, peeked.getStartMark()), "values are nested more than " + MAX_NESTING + " levels deep",
                        "a changelog is at most four levels deep"));
            }
            Event event = next();
            Mark mark = event.getStartMark();
            if (event instanceof AliasEvent alias) {
                return alias(alias, depth, keyLine, keyColumn);
            }
            String anchor = ((NodeEvent) event).getAnchor();
            if (anchor != null) {
                anchors.put(anchor, new Anchored(null, 0, 0, mark));
            }
            int valuesBefore = values;
            int deepestBefore = deepest;
            deepest = depth;
            values++;
            JsonNode result;
            if (event instanceof ScalarEvent scalar) {
                result = scalar(scalar, new SourceSpan(file, mark.getLine() + 1, mark.getColumn() + 1), keyLine, keyColumn);
            } else if (event instanceof MappingStartEvent start) {
                checkTag(start, Tag.MAP, mark);
                result = mapping(new PObject(place(mark, keyLine, keyColumn)), depth);
            } else {
                checkTag((CollectionStartEvent) event, Tag.SEQ, mark);
                PArray array = new PArray(place(mark, keyLine, keyColumn));
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    array.add(value(depth + 1, 0, 0));
                }
                next();
                result = array;
            }
            if (anchor != null) {
                anchors.put(anchor, new Anchored(result, values - valuesBefore, deepest - depth, mark));
            }
            deepest = Math.max(deepest, deepestBefore);
            return result;
        }

        private JsonNode alias(AliasEvent alias, int depth, int keyLine, int keyColumn) {
            String name = alias.getAnchor();
            Anchored target = anchors.get(name);
            SourceSpan where = span(file, alias.getStartMark());
            if (target == null) {
                throw new Stop(Problem.at(where, "invalid YAML: found undefined alias " + name));
            }
            if (target.value() == null) {
                throw new Stop(Problem.at(span(file, target.mark()), "the alias *" + name + " refers to itself",
                        "a changelog cannot hold recursive data"));
            }
            Place place = ((Placed) target.value()).place();
            SourceSpan definition = new SourceSpan(file, place.line(), place.column());
            if (target.value().isContainerNode() && ++collectionAliases > MAX_ALIASES) {
                throw new Stop(Problem.at(where, "more than " + MAX_ALIASES + " aliases to lists or mappings",
                        "a changelog needs few aliases, if any; write the values out"));
            }
            expanded += target.size();
            values += target.size();
            if (expanded > MAX_ALIAS_EXPANSION) {
                throw new Stop(Problem.at(definition, "aliases of &" + name + " expand to more than "
                        + MAX_ALIAS_EXPANSION + " values", "a changelog needs few aliases, if any; write the values out"));
            }
            deepest = Math.max(deepest, depth + target.height());
            if (depth + target.height() > 4 * MAX_NESTING) {
                throw new Stop(Problem.at(definition, "aliases nest values more than " + 4 * MAX_NESTING + " levels deep"));
            }
            return Placed.at(target.value(), place.withKey(keyLine, keyColumn));
        }

        private PObject mapping(PObject object, int depth) {
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                Event keyEvent = parser.peekEvent();
                Mark keyMark = keyEvent.getStartMark();
                JsonNode key = value(depth + 1, 0, 0);
                SourceSpan keySpan = span(file, keyMark);
                if (key.isContainerNode()) {
                    problems.add(Problem.at(keySpan, "a key must be a plain value, not a list or a mapping"));
                    value(depth + 1, 0, 0);
                    continue;
                }
                String source = ((Placed) key).place().source();
                String name = source != null ? source : key.asText();
                JsonNode first = object.get(name);
                if (first != null) {
                    problems.add(Problem.at(keySpan, "duplicate key '" + name + "'",
                            "'" + name + "' is already set at line " + ((Placed) first).place().keyLine() + "; keep one of them"));
                    value(depth + 1, 0, 0);
                    continue;
                }
                object.set(name, value(depth + 1, keyMark.getLine() + 1, keyMark.getColumn() + 1));
            }
            next();
            return object;
        }

        private static Place place(Mark mark, int keyLine, int keyColumn) {
            return new Place(mark.getLine() + 1, mark.getColumn() + 1, keyLine, keyColumn, null);
        }

        private JsonNode scalar(ScalarEvent event, SourceSpan where, int keyLine, int keyColumn) {
            String value = event.getValue();
            String tagName = event.getTag();
            boolean implicit = tagName == null || "!".equals(tagName);
            Tag tag = implicit ? null : new Tag(tagName);
            if (implicit ? !event.getImplicit().canOmitTagInPlainScalar() : tag.equals(Tag.STR)) {
                return new PText(value, new Place(where.line(), where.column(), keyLine, keyColumn, null));
            }
            if (implicit && plainText(value)) {
                return new PText(value, new Place(where.line(), where.column(), keyLine, keyColumn, null));
            }
            JsonNode typed = core(value);
            Place place = new Place(where.line(), where.column(), keyLine, keyColumn, typed.isTextual() ? null : value);
            if (implicit) {
                return Placed.at(typed, place);
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
                return new PText(value, place);
            }
            return Placed.at(tag.equals(Tag.FLOAT) ? JsonNodeFactory.instance.numberNode(typed.doubleValue()) : typed, place);
        }

        private void checkTag(CollectionStartEvent event, Tag expected, Mark mark) {
            String tag = event.getTag();
            if (tag != null && !"!".equals(tag) && !new Tag(tag).equals(expected)) {
                badTag(new Tag(tag), span(file, mark));
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
