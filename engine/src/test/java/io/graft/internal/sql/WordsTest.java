package io.graft.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first words of a statement, read by the splitter's lexer ({@link SqlSplitter#tokens}). */
class WordsTest {

    private static Words words(String sql, SplitOptions options) {
        return Words.of(sql, options, 40);
    }

    @Test
    void wordsAreUpperCasedAndCommentsSkipped() {
        assertThat(words("-- why\n/* a /* nested */ b */ create\n index CONCURRENTLY i on t(a);", SplitOptions.POSTGRESQL)
                .tokens()).containsExactly("CREATE", "INDEX", "CONCURRENTLY", "I", "ON", "T", "(", "A", ")", ";");
    }

    @Test
    void stringsAndQuotedNamesAreOneTokenEach() {
        assertThat(words("SELECT 'it''s', \"a\"\"b\", $x$ ; $x$, E'\\'' FROM t", SplitOptions.POSTGRESQL).tokens())
                .containsExactly("SELECT", "'", ",", "\"", ",", "'", ",", "'", "FROM", "T");
        assertThat(words("SELECT [a b], `c`", SplitOptions.SQLITE).tokens())
                .containsExactly("SELECT", "\"", ",", "`");
        assertThat(words("SELECT 'a\\'b' x", SplitOptions.MYSQL).tokens()).containsExactly("SELECT", "'", "X");
    }

    @Test
    void eachDialectsCommentRulesApply() {
        assertThat(words("# note\nCOMMIT", SplitOptions.MYSQL).get(0)).isEqualTo("COMMIT");
        assertThat(words("--x\nCOMMIT", SplitOptions.MYSQL).get(0)).isEqualTo("-");
        assertThat(words("--x\nCOMMIT", SplitOptions.SQLITE).get(0)).isEqualTo("COMMIT");
        assertThat(words("/* a /* b */ COMMIT */ END", SplitOptions.SQLITE).get(0)).isEqualTo("COMMIT");
    }

    @Test
    void theInsideOfAnExecutableCommentIsCode() {
        assertThat(words("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER t */", SplitOptions.MYSQL)
                .tokens()).containsExactly("CREATE", "DEFINER", "=", "`", "@", "`", "TRIGGER", "T");
        assertThat(words("/*M!100108 DROP */ TABLE t", SplitOptions.MYSQL).tokens()).containsExactly("DROP", "TABLE", "T");
    }

    @Test
    void stopsAtTheLimitAndWhereTheSplitterWouldRefuseTheText() {
        assertThat(Words.of("A B C D", SplitOptions.STANDARD, 2).tokens()).containsExactly("A", "B");
        assertThat(words("SELECT 'unterminated", SplitOptions.STANDARD).tokens()).containsExactly("SELECT");
        assertThat(words("\\set x 1", SplitOptions.POSTGRESQL).tokens()).containsExactly("\\", "SET", "X", "1");
        assertThat(words("DELIMITER //", SplitOptions.MYSQL).tokens()).containsExactly("DELIMITER", "/", "/");
        assertThat(words("", SplitOptions.STANDARD).isEmpty()).isTrue();
    }

    @Test
    void positionsAndOptions() {
        Words w = words("REINDEX (VERBOSE) SCHEMA app", SplitOptions.POSTGRESQL);
        assertThat(w.at(0, "REINDEX")).isTrue();
        assertThat(w.afterOptions(1)).isEqualTo("SCHEMA");
        assertThat(w.get(99)).isEmpty();
        assertThat(w.containsFrom(4, "SCHEMA")).isTrue();
        assertThat(w.containsFrom(5, "SCHEMA")).isFalse();
        assertThat(w.indexOf("SCHEMA")).isEqualTo(4);
    }
}
