package io.graft.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("id", "parents", "description", "labels", "depends_on", "up");

    @Test
    void findsTyposAndSwaps() {
        assertThat(Suggestions.closest("parnets", KEYS)).hasValue("parents");
        assertThat(Suggestions.closest("lables", KEYS)).hasValue("labels");
        assertThat(Suggestions.closest("depends-on", KEYS)).hasValue("depends_on");
        assertThat(Suggestions.closest("Parents", KEYS)).hasValue("parents");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggestions.closest("frobnicate", KEYS)).isEmpty();
        assertThat(Suggestions.closest("x", KEYS)).isEmpty();
    }

    @Test
    void countsEdits() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
