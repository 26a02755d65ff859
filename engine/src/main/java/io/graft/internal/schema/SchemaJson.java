package io.graft.internal.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graft.changelog.DialectId;

/**
 * The model as JSON: keys sorted, empty and null values left out, so that equal schemas render the
 * same bytes and a changed schema changes only the lines it changed.
 */
public final class SchemaJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .addMixIn(DialectId.class, DialectKey.class)
            .build();

    /** A dialect is written by its key ({@code postgresql}), as in the changelog. */
    private abstract static class DialectKey {
        @JsonValue
        abstract String key();
    }

    private SchemaJson() {
    }

    /** Pretty, sorted JSON of any value of the model (a schema, a table, a list of changes). */
    public static String render(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema model cannot be rendered as JSON", e);
        }
    }

    /**
     * A schema from its {@link #render rendering}: what {@code graft up} recorded, read back for
     * {@code graft drift}. Throws {@link IllegalArgumentException} when the text is not one.
     */
    public static Schema parse(String json) {
        try {
            return MAPPER.readValue(json, Schema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a schema model: " + e.getOriginalMessage(), e);
        }
    }

    /** The same as a tree, for embedding in another document. */
    public static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
