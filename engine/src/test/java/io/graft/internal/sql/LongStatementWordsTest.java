package io.graft.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlSplitter#tokens} reads the first few thousand characters of a long statement before
 * the whole of it: the words must be those of the whole text, wherever a word, string, comment or
 * multi-byte character falls against the cut.
 */
class LongStatementWordsTest {

    private static final List<SplitOptions> DIALECTS = List.of(SplitOptions.POSTGRESQL, SplitOptions.SQLITE,
            SplitOptions.MYSQL);

    @Property(tries = 400)
    void theFirstWordsOfALongStatementAreThoseOfTheWholeText(@ForAll("longStatements") String sql) {
        for (SplitOptions options : DIALECTS) {
            for (int max : new int[] {6, 40}) {
                assertThat(SqlSplitter.tokens(sql, options, max))
                        .isEqualTo(SqlSplitter.tokensOfWhole(sql, options, max));
            }
        }
    }

    @Test
    void aDataLoadIsReadOnlyAsFarAsItsFirstWords() {
        StringBuilder sql = new StringBuilder("INSERT INTO t (id, name) VALUES ");
        for (int i = 0; i < 20_000; i++) {
            sql.append(i == 0 ? "" : ", ").append("(").append(i).append(", 'név ").append(i).append("')");
        }
        assertThat(SqlSplitter.tokens(sql.toString(), SplitOptions.POSTGRESQL, 6))
                .containsExactly("INSERT", "INTO", "T", "(", "ID", ",");
    }

    @Test
    void wordsPastALongCommentOrStringAreStillFound() {
        String comment = "/* " + "x".repeat(5000) + " */ COMMIT";
        assertThat(SqlSplitter.tokens(comment, SplitOptions.POSTGRESQL, 6)).containsExactly("COMMIT");
        String string = "SELECT '" + "é".repeat(5000) + "' AS a, b";
        assertThat(SqlSplitter.tokens(string, SplitOptions.SQLITE, 40)).containsExactly("SELECT", "'", "AS", "A", ",",
                "B");
    }

    @Provide
    Arbitrary<String> longStatements() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("CREATE", "index", "Concurrently", "begin", "COMMIT", "x1", "$tag$", "(", ")", ";",
                        ",", " ", "\n", "-- note\n", "# hash\n", "/* c */", "/*!50003 CREATE */", "'it''s'",
                        "\"q\"\"n\"", "`b`", "[s]", "$$ body ; $$", "E'\\''", "ünï", "😀", "é"),
                Arbitraries.strings().withChars("ab é😀;'-").ofMaxLength(40),
                Arbitraries.integers().between(3900, 4200).map(n -> "/* " + "y".repeat(n) + " */"),
                Arbitraries.integers().between(3900, 4200).map(n -> "'" + "z".repeat(n) + "'"),
                Arbitraries.integers().between(1, 300).map(n -> " w".repeat(n)));
        return piece.list().ofMinSize(1).ofMaxSize(30).map(pieces -> {
            String text = String.join(" ", pieces);
            // past the cut, so that the first reading is of a part only
            return text.length() > 4096 ? text : text + " " + "v ".repeat((4200 - text.length()) / 2);
        });
    }
}
