package io.graft.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> KEYS = List.of("id", "parents", "description", "labels", "depends_on", "up");

    @Test
    void findsTyposAndSwaps() {
        assertThat(DidYouMean.closest("parnets", KEYS)).hasValue("parents");
        assertThat(DidYouMean.closest("lables", KEYS)).hasValue("labels");
        assertThat(DidYouMean.closest("depends-on", KEYS)).hasValue("depends_on");
        assertThat(DidYouMean.closest("Parents", KEYS)).hasValue("parents");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(DidYouMean.closest("frobnicate", KEYS)).isEmpty();
        assertThat(DidYouMean.closest("x", KEYS)).isEmpty();
    }

    @Test
    void countsEdits() {
        assertThat(DidYouMean.distance("kitten", "sitting", 99)).isEqualTo(3);
        assertThat(DidYouMean.distance("ab", "ba", 99)).isEqualTo(1);
        assertThat(DidYouMean.distance("", "abc", 99)).isEqualTo(3);
    }
}
