package io.graft.internal.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Vouches that a tree conforms to {@code changelog.schema.json}, reading the schema itself, for
 * the keywords it understands: it answers "conforms" or "cannot say", never "does not conform".
 * A changelog it vouches for has no schema problem; for any other the full JSON Schema validator
 * runs and words the problems ({@link SchemaCheck}).
 *
 * <p>Why: in a fresh JVM the validator costs more than reading a changelog of a thousand
 * revisions (its set-up and its walk of the tree), and almost every changelog a command reads is
 * valid. The schema stays the one definition of the format: this reads its keywords, and a
 * keyword it does not know (or a value it is not sure of, such as {@code 1.0} for {@code const: 1})
 * sends the tree to the validator. It is never more lenient than the validator:
 * {@code QuickSchemaTest} holds the two side by side.
 */
final class QuickSchema {

    /** Keywords that never fail an instance. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title",
            "description", "default", "examples", "deprecated", "readOnly", "writeOnly");

    /** Deeper than any changelog: a tree this deep goes to the validator. */
    private static final int MAX_DEPTH = 32;

    private final JsonNode root;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    QuickSchema(JsonNode schema) {
        this.root = schema;
    }

    /** True when {@code instance} certainly conforms; false when it may not (the validator decides). */
    boolean vouchesFor(JsonNode instance) {
        return conforms(root, instance, 0);
    }

    private boolean conforms(JsonNode schema, JsonNode value, int depth) {
        if (schema.isBoolean()) {
            return schema.booleanValue();
        }
        if (!schema.isObject() || depth > MAX_DEPTH) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            if (!holds(keyword.getKey(), keyword.getValue(), schema, value, depth)) {
                return false;
            }
        }
        return true;
    }

    /** One keyword of {@code schema} for {@code value}; keywords about another type hold trivially. */
    private boolean holds(String keyword, JsonNode arg, JsonNode schema, JsonNode value, int depth) {
        if (ANNOTATIONS.contains(keyword)) {
            return true;
        }
        switch (keyword) {
            case "type":
                return type(arg, value);
            case "const":
                return arg.equals(value);
            case "enum":
                for (JsonNode allowed : arg) {
                    if (allowed.equals(value)) {
                        return true;
                    }
                }
                return false;
            case "$ref":
                JsonNode target = reference(arg);
                return target != null && conforms(target, value, depth + 1);
            case "pattern":
                return !value.isTextual() || arg.isTextual() && matches(arg.textValue(), value.textValue());
            case "minLength":
                return !value.isTextual()
                        || arg.isInt() && value.textValue().codePointCount(0, value.textValue().length()) >= arg.intValue();
            case "minProperties":
                return !value.isObject() || arg.isInt() && value.size() >= arg.intValue();
            case "required":
                return !value.isObject() || required(arg, value);
            case "properties":
                return !value.isObject() || properties(arg, value, depth);
            case "additionalProperties":
                return !value.isObject() || additional(arg, schema, value);
            case "items":
                return !value.isArray() || !schema.has("prefixItems") && items(arg, value, depth);
            case "uniqueItems":
                return !value.isArray() || arg.isBoolean() && (!arg.booleanValue() || unique(value));
            default:
                return false;
        }
    }

    private static boolean type(JsonNode arg, JsonNode value) {
        if (arg.isTextual()) {
            return isType(arg.textValue(), value);
        }
        if (arg.isArray()) {
            for (JsonNode t : arg) {
                if (t.isTextual() && isType(t.textValue(), value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isType(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> false;
        };
    }

    /** Only references into this schema ({@code #/$defs/...}). */
    private JsonNode reference(JsonNode arg) {
        if (!arg.isTextual() || !arg.textValue().startsWith("#/")) {
            return null;
        }
        JsonNode target = root.at(arg.textValue().substring(1));
        return target.isMissingNode() ? null : target;
    }

    /**
     * JSON Schema patterns are unanchored searches. Java's {@code $} also matches before a final
     * line break, which a validator's engine may not: text with a line break is not vouched for.
     */
    private boolean matches(String regex, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).find();
    }

    private static boolean required(JsonNode arg, JsonNode value) {
        if (!arg.isArray()) {
            return false;
        }
        for (JsonNode name : arg) {
            if (!name.isTextual() || !value.has(name.textValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean properties(JsonNode arg, JsonNode value, int depth) {
        if (!arg.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode schema = arg.get(field.getKey());
            if (schema != null && !conforms(schema, field.getValue(), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Only {@code additionalProperties: false} (or true) beside plain {@code properties}. */
    private static boolean additional(JsonNode arg, JsonNode schema, JsonNode value) {
        if (!arg.isBoolean() || schema.has("patternProperties")) {
            return false;
        }
        if (arg.booleanValue()) {
            return true;
        }
        JsonNode declared = schema.path("properties");
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            if (!declared.has(names.next())) {
                return false;
            }
        }
        return true;
    }

    private boolean items(JsonNode arg, JsonNode value, int depth) {
        if (!arg.isObject() && !arg.isBoolean()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!conforms(arg, item, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Vouched for only when every item is text (JSON equality of numbers is subtler). */
    private static boolean unique(JsonNode value) {
        Set<String> seen = new HashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || !seen.add(item.textValue())) {
                return false;
            }
        }
        return true;
    }
}
