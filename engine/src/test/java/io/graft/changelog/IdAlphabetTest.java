package io.graft.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The JSON Schema is data and spells the id alphabet out; it must say what the Java constant says. */
class IdAlphabetTest {

    @Test
    void theSchemaPatternsOfIdsAndLabelsAreTheJavaOne() throws IOException {
        JsonNode schema;
        try (InputStream in = IdAlphabetTest.class.getResourceAsStream("/io/graft/schema/changelog.schema.json")) {
            assertThat(in).as("the schema resource").isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
        String expected = "^" + Revision.ID_PATTERN.pattern() + "$";
        assertThat(expected).isEqualTo("^[A-Za-z0-9_.]{1,128}$");
        assertThat(schema.at("/$defs/revisionId/pattern").asText()).isEqualTo(expected);
        assertThat(schema.at("/$defs/label/pattern").asText()).isEqualTo(expected);
    }
}
