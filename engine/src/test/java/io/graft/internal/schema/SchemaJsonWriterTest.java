package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written rendering is Jackson's, byte for byte: recorded hashes depend on it. The values
 * are built by reflection over the records' components, so a component added to the model and not
 * to {@link SchemaJsonWriter} makes these fail.
 */
class SchemaJsonWriterTest {

    private static final List<String> STRINGS = List.of("plain", "with \"quotes\" and \\ backslash",
            "lines\nand\r\ttabs\b\f", "controls \u0001\u001f\u007f", "ünïcödé ø — \u2028", "emoji 😀",
            "CHECK ((amount > 0))", "-", "a", "B");

    @Test
    void everyComponentFilled() {
        Random random = new Random(1);
        Schema schema = (Schema) build(Schema.class, random, 3, Fill.ALL);
        assertSame(schema, "every component filled");
    }

    @Test
    void everyComponentLeftOut() {
        Random random = new Random(2);
        assertSame((Schema) build(Schema.class, random, 3, Fill.NONE), "every component null");
        assertSame(Schema.empty(DialectId.POSTGRESQL, "public"), "an empty schema");
        assertSame(Schema.empty(null, null), "nothing at all");
    }

    @Test
    void randomlyFilledLeftOutAndEmpty() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            assertSame((Schema) build(Schema.class, random, 3, Fill.RANDOM), "seed " + seed);
        }
    }

    @Test
    void mapsWithEmptyAndNullValues() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("z", "last");
        options.put("a", "");
        options.put("m", null);
        Map<String, String> allEmpty = new LinkedHashMap<>();
        allEmpty.put("a", "");
        allEmpty.put("b", null);
        Schema schema = new Schema(DialectId.MYSQL, "s", null, null, null, null,
                List.of(new Table("t", null, null, null, options, null),
                        new Table("u", null, null, null, allEmpty, ""),
                        new Table("v", null, null, null, Map.of(), null)),
                null, null, null, null);
        assertSame(schema, "maps");
    }

    private static void assertSame(Schema schema, String what) {
        assertThat(SchemaJsonWriter.render(schema)).as(what).isEqualTo(SchemaJson.render(schema));
    }

    private enum Fill { ALL, NONE, RANDOM }

    /** A value of {@code type}: every component set (ALL), null or false (NONE), or either or empty (RANDOM). */
    private static Object build(Type type, Random random, int depth, Fill fill) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == boolean.class) {
            return fill == Fill.ALL || (fill == Fill.RANDOM && random.nextBoolean());
        }
        if (raw == long.class) {
            return fill == Fill.NONE ? 0L : random.nextLong();
        }
        if (raw.isEnum()) {
            // never null: a constraint's kind is part of its sort key
            Object[] values = raw.getEnumConstants();
            return values[random.nextInt(values.length)];
        }
        if ((fill == Fill.NONE && !raw.isRecord()) || (fill == Fill.RANDOM && random.nextInt(4) == 0)) {
            return null;
        }
        if (raw == String.class) {
            return fill == Fill.RANDOM && random.nextInt(6) == 0 ? "" : STRINGS.get(random.nextInt(STRINGS.size()));
        }
        if (raw == Integer.class) {
            return random.nextInt(1000) - 10;
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            int n = depth == 0 ? 0 : fill == Fill.ALL ? 2 : random.nextInt(4);
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(build(element, random, depth - 1, fill == Fill.ALL ? Fill.ALL : Fill.RANDOM));
            }
            list.removeIf(java.util.Objects::isNull);
            return list;
        }
        if (raw == Map.class) {
            Map<String, String> map = new LinkedHashMap<>();
            int n = fill == Fill.ALL ? 3 : random.nextInt(4);
            for (int i = 0; i < n; i++) {
                String value = switch (fill == Fill.ALL ? 0 : random.nextInt(4)) {
                    case 1 -> null;
                    case 2 -> "";
                    default -> STRINGS.get(random.nextInt(STRINGS.size()));
                };
                map.put(STRINGS.get(random.nextInt(STRINGS.size())), value);
            }
            return map;
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = build(components[i].getGenericType(), random, depth, fill);
            }
            try {
                Constructor<?> constructor = raw.getDeclaredConstructor(types);
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot build a " + raw.getSimpleName(), e);
            }
        }
        throw new AssertionError("no values for " + type + ": teach this test the model's new type");
    }
}
