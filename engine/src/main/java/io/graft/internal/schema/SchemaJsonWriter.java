package io.graft.internal.schema;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link Schema} as exactly the text {@link SchemaJson#render} gives it (keys sorted, null and
 * empty values left out, Jackson's default pretty printer), written by hand. What {@code graft up}
 * hashes and records after every run that changed something, and {@code status} hashes to compare:
 * Jackson's first rendering in a process builds its serializers by reflection, 65 ms of a 0.45 s
 * {@code up} of {@code samples/blog} (docs/benchmarks.md); this costs nothing to set up.
 *
 * <p>The text must stay byte for byte what {@link SchemaJson} writes, or every recorded hash
 * changes: {@code SchemaJsonWriterTest} compares the two on model values with every component
 * filled, left out and empty, so a component added to a record and not here fails it.
 */
public final class SchemaJsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    private final String lineFeed = System.lineSeparator();
    /** Objects open around the current position, as Jackson's printer counts them for indenting. */
    private int depth;
    /** Whether the innermost open object or array has had a member yet. */
    private boolean first;

    private SchemaJsonWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** The JSON of {@code schema}, as {@code SchemaJson.render(schema)}. */
    public static String render(Schema schema) {
        int tables = schema.tables() == null ? 0 : schema.tables().size();
        SchemaJsonWriter w = new SchemaJsonWriter(256 + 2048 * tables);
        w.schema(schema);
        return w.out.toString();
    }

    private void schema(Schema s) {
        beginObject();
        string("dialect", s.dialect() == null ? null : s.dialect().key());
        array("domains", s.domains(), this::domain);
        array("enums", s.enums(), this::enumType);
        array("extensions", s.extensions(), this::extension);
        string("name", s.name());
        array("routines", s.routines(), this::routine);
        array("sequences", s.sequences(), this::sequence);
        array("tables", s.tables(), this::table);
        array("triggers", s.triggers(), this::trigger);
        array("unknown", s.unknown(), this::unknown);
        array("views", s.views(), this::view);
        endObject();
    }

    private void table(Table t) {
        beginObject();
        array("columns", t.columns(), this::column);
        string("comment", t.comment());
        array("constraints", t.constraints(), this::constraint);
        array("indexes", t.indexes(), this::index);
        string("name", t.name());
        map("options", t.options());
        endObject();
    }

    private void column(Column c) {
        beginObject();
        string("collation", c.collation());
        string("comment", c.comment());
        string("defaultValue", c.defaultValue());
        string("generated", c.generated());
        string("generatedKind", c.generatedKind());
        string("identity", c.identity());
        string("name", c.name());
        bool("notNull", c.notNull());
        string("onUpdate", c.onUpdate());
        string("type", c.type());
        endObject();
    }

    private void constraint(Constraint c) {
        beginObject();
        strings("columns", c.columns());
        string("deferrable", c.deferrable());
        string("definition", c.definition());
        string("expression", c.expression());
        string("kind", c.kind() == null ? null : c.kind().key());
        string("name", c.name());
        string("onDelete", c.onDelete());
        string("onUpdate", c.onUpdate());
        strings("refColumns", c.refColumns());
        string("refTable", c.refTable());
        endObject();
    }

    private void index(Index i) {
        beginObject();
        string("definition", i.definition());
        strings("include", i.include());
        array("keys", i.keys(), this::key);
        string("method", i.method());
        string("name", i.name());
        bool("unique", i.unique());
        string("where", i.where());
        endObject();
    }

    private void key(Index.Key k) {
        beginObject();
        string("column", k.column());
        bool("descending", k.descending());
        string("expression", k.expression());
        if (k.length() != null) {
            number("length", k.length());
        }
        endObject();
    }

    private void view(View v) {
        beginObject();
        string("comment", v.comment());
        string("definition", v.definition());
        strings("dependsOn", v.dependsOn());
        array("indexes", v.indexes(), this::index);
        bool("materialized", v.materialized());
        string("name", v.name());
        endObject();
    }

    private void routine(Routine r) {
        beginObject();
        string("arguments", r.arguments());
        string("definition", r.definition());
        string("kind", r.kind());
        string("name", r.name());
        endObject();
    }

    private void trigger(Trigger t) {
        beginObject();
        string("definition", t.definition());
        string("name", t.name());
        string("table", t.table());
        endObject();
    }

    private void sequence(Sequence s) {
        beginObject();
        number("cache", s.cache());
        bool("cycle", s.cycle());
        number("increment", s.increment());
        number("max", s.max());
        number("min", s.min());
        string("name", s.name());
        string("ownedBy", s.ownedBy());
        number("start", s.start());
        string("type", s.type());
        endObject();
    }

    private void enumType(EnumType e) {
        beginObject();
        strings("labels", e.labels());
        string("name", e.name());
        endObject();
    }

    private void domain(DomainType d) {
        beginObject();
        string("baseType", d.baseType());
        strings("checks", d.checks());
        string("collation", d.collation());
        string("defaultValue", d.defaultValue());
        string("name", d.name());
        bool("notNull", d.notNull());
        endObject();
    }

    private void extension(Extension e) {
        beginObject();
        string("name", e.name());
        endObject();
    }

    private void unknown(UnknownObject u) {
        beginObject();
        string("kind", u.kind());
        string("name", u.name());
        endObject();
    }

    // Jackson's DefaultPrettyPrinter: an object's members each on a line of their own, indented two
    // spaces per open object, "name" : value; an array's on one line, "[ a, b ]"; "{ }" when empty.

    private void beginObject() {
        out.append('{');
        depth++;
        first = true;
    }

    private void endObject() {
        depth--;
        if (first) {
            out.append(' ');
        } else {
            newLine();
        }
        out.append('}');
        first = false;
    }

    private void field(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        newLine();
        quoted(name);
        out.append(" : ");
    }

    private void newLine() {
        out.append(lineFeed);
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /** Left out when null or empty, as Jackson's {@code NON_EMPTY}. */
    private void string(String name, String value) {
        if (value != null && !value.isEmpty()) {
            field(name);
            quoted(value);
        }
    }

    private void bool(String name, boolean value) {
        field(name);
        out.append(value);
    }

    private void number(String name, long value) {
        field(name);
        out.append(value);
    }

    private void strings(String name, List<String> values) {
        array(name, values, this::quoted);
    }

    /** Left out when null or empty; each element by {@code writer} on one line, "[ a, b ]". */
    private <T> void array(String name, List<T> values, Consumer<T> writer) {
        if (values == null || values.isEmpty()) {
            return;
        }
        field(name);
        out.append("[ ");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            T value = values.get(i);
            if (value == null) {
                out.append("null");
            } else {
                writer.accept(value);
            }
        }
        out.append(" ]");
    }

    /** A map's entries by key; entries whose value is null or empty are left out, as Jackson's. */
    private void map(String name, Map<String, String> values) {
        if (values == null || values.values().stream().allMatch(v -> v == null || v.isEmpty())) {
            return;
        }
        field(name);
        beginObject();
        Map<String, String> sorted = values instanceof java.util.SortedMap<String, String> s && s.comparator() == null
                ? values : new java.util.TreeMap<>(values);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            string(e.getKey(), e.getValue());
        }
        endObject();
    }

    /** A JSON string as Jackson writes it: {@code "}, {@code \} and control characters escaped, the rest as is. */
    private void quoted(String s) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, start, s.length()).append('"');
    }
}
