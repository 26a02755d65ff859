package io.graft.internal.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A JSON value of the changelog tree that knows where it was written. The schema validator and
 * the model reader see ordinary Jackson nodes; {@link YamlTree} reads the place back. Keeping the
 * place in the node, instead of in maps from JSON pointer to position, is what lets a changelog
 * of 100,000 revisions load in a small heap.
 */
interface Placed {

    Place place();

    /**
     * Where a value starts and, for a property of a mapping, where its key is written (0 when it
     * is a list item or the root); {@code source} is how a non-text scalar was written
     * ({@code 0001}, {@code yes}), for messages, else {@code null}.
     */
    record Place(int line, int column, int keyLine, int keyColumn, String source) {

        Place withKey(int newKeyLine, int newKeyColumn) {
            return new Place(line, column, newKeyLine, newKeyColumn, source);
        }
    }

    /** The same value at another place: a shallow copy (children are shared; the tree is read-only). */
    static JsonNode at(JsonNode value, Place place) {
        if (value instanceof ObjectNode object) {
            PObject copy = new PObject(place);
            copy.setAll(object);
            return copy;
        }
        if (value instanceof ArrayNode array) {
            PArray copy = new PArray(place);
            copy.addAll(array);
            return copy;
        }
        if (value.isTextual()) {
            return new PText(value.textValue(), place);
        }
        if (value.isBoolean()) {
            return new PBoolean(value.booleanValue(), place);
        }
        if (value.isNull()) {
            return new PNull(place);
        }
        if (value.isInt()) {
            return new PInt(value.intValue(), place);
        }
        if (value.isLong()) {
            return new PLong(value.longValue(), place);
        }
        if (value.isBigInteger()) {
            return new PBigInteger(value.bigIntegerValue(), place);
        }
        return new PDouble(value.doubleValue(), place);
    }

    final class PObject extends ObjectNode implements Placed {
        private final Place place;

        PObject(Place place) {
            super(JsonNodeFactory.instance);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PArray extends ArrayNode implements Placed {
        private final Place place;

        PArray(Place place) {
            super(JsonNodeFactory.instance);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PText extends TextNode implements Placed {
        private final Place place;

        PText(String value, Place place) {
            super(value);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PBoolean extends BooleanNode implements Placed {
        private final Place place;

        PBoolean(boolean value, Place place) {
            super(value);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PNull extends NullNode implements Placed {
        private final Place place;

        PNull(Place place) {
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PInt extends IntNode implements Placed {
        private final Place place;

        PInt(int value, Place place) {
            super(value);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PLong extends LongNode implements Placed {
        private final Place place;

        PLong(long value, Place place) {
            super(value);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PBigInteger extends BigIntegerNode implements Placed {
        private final Place place;

        PBigInteger(java.math.BigInteger value, Place place) {
            super(value);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }

    final class PDouble extends DoubleNode implements Placed {
        private final Place place;

        PDouble(double value, Place place) {
            super(value);
            this.place = place;
        }

        @Override
        public Place place() {
            return place;
        }
    }
}
