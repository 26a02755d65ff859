package io.graft.internal.sql;

import io.graft.internal.dialect.Dialects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the golden files cannot show well: CRLF, BOM, error details, options one by one, big input. */
class SqlSplitterTest {

    private static List<SqlStatement> split(String sql, SplitOptions options) {
        return SqlSplitter.split(sql, "f.sql", options);
    }

    private static Problem problemOf(String sql, SplitOptions options) {
        try {
            split(sql, options);
        } catch (ChangelogException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("no error for: " + sql);
    }

    @Test
    void crlfCountsAsOneLineBreakAndStaysInTheText() {
        List<SqlStatement> st = split("SELECT 1;\r\n\r\nSELECT\r\n  2;\r\n  SELECT 3;\r\n", SplitOptions.POSTGRESQL);
        assertThat(st).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT\r\n  2", "SELECT 3");
        assertThat(st).extracting(SqlStatement::span).containsExactly(
                new SourceSpan("f.sql", 1, 1), new SourceSpan("f.sql", 3, 1), new SourceSpan("f.sql", 5, 3));
    }

    @Test
    void mysqlDelimiterAndCommentsWithCrlf() {
        List<SqlStatement> st = split("DELIMITER $$\r\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\r\n"
                + "DELIMITER ;\r\n--\r\nSELECT 2;# x\r\n", SplitOptions.MYSQL);
        assertThat(st).extracting(SqlStatement::sql)
                .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2");
        assertThat(st).extracting(s -> s.span().line()).containsExactly(2, 5);
    }

    @Test
    void columnsCountUtf16CharactersThoughTheLexerReadsBytes() {
        // é is 2 bytes and 1 character, € 3 and 1, 𝄞 4 and 2 (a surrogate pair)
        List<SqlStatement> st = split("SELECT 'é€𝄞'; /* 𝄞 */ SELECT 2;\n𝄞𝄞 ;SELECT 3;", SplitOptions.POSTGRESQL);
        assertThat(st).extracting(SqlStatement::sql).containsExactly("SELECT 'é€𝄞'", "SELECT 2", "𝄞𝄞", "SELECT 3");
        assertThat(st).extracting(s -> s.span().column()).containsExactly(1, 25, 1, 7);
    }

    @Test
    void aNonAsciiDelimiterAndAnErrorAfterNonAsciiText() {
        List<SqlStatement> st = split("DELIMITER §\nSELECT 'ü'§ SELECT 2 §\n", SplitOptions.MYSQL);
        assertThat(st).extracting(SqlStatement::sql).containsExactly("SELECT 'ü'", "SELECT 2");
        assertThat(st).extracting(s -> s.span().column()).containsExactly(1, 13);
        assertThat(problemOf("SELECT '𝄞'; SELECT \"ü", SplitOptions.POSTGRESQL).where())
                .isEqualTo(new SourceSpan("f.sql", 1, 21));
    }

    @Test
    void copyDataWithCrlfLinesLosesTheCrOfEach() {
        SqlStatement copy = split("COPY t FROM stdin;\r\n1\tcafé\r\n2\tx\r\r\n\\.\r\nSELECT 1;", SplitOptions.POSTGRESQL).get(0);
        assertThat(copy.copyData()).isEqualTo("1\tcafé\n2\tx\r\n");
        assertThat(copy).isEqualTo(new SqlStatement("COPY t FROM stdin", new SourceSpan("f.sql", 1, 1), "1\tcafé\n2\tx\r\n"));
    }

    @Test
    void bomIsSkippedAndNotCounted() {
        List<SqlStatement> st = split("\uFEFFSELECT 1; SELECT 2;", SplitOptions.SQLITE);
        assertThat(st).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
        assertThat(st).extracting(s -> s.span().column()).containsExactly(1, 11);
    }

    @Test
    void bomAndCrlfTogetherInAnError() {
        Problem p = problemOf("\uFEFFSELECT 1;\r\nSELECT 'x;\r\n", SplitOptions.MYSQL);
        assertThat(p.where()).isEqualTo(new SourceSpan("f.sql", 2, 8));
    }

    @Test
    void copyDataWithCrlfHasLfLines() {
        List<SqlStatement> st = split("COPY t FROM stdin;\r\n1\tx\r\n2\ty\r\n\\.\r\nSELECT 1;\r\n", SplitOptions.POSTGRESQL);
        assertThat(st).hasSize(2);
        assertThat(st.get(0).copyData()).isEqualTo("1\tx\n2\ty\n");
        assertThat(st.get(0).isCopyFromStdin()).isTrue();
        assertThat(st.get(1).span().line()).isEqualTo(5);
        assertThat(st.get(1).copyData()).isNull();
    }

    @Test
    void emptyAndBlankInputs() {
        assertThat(split("", SplitOptions.POSTGRESQL)).isEmpty();
        assertThat(split("\uFEFF", SplitOptions.POSTGRESQL)).isEmpty();
        assertThat(split(" \n\t\r\n-- c\n/* d */", SplitOptions.MYSQL)).isEmpty();
        assertThat(split("# only a hash comment", SplitOptions.MYSQL)).isEmpty();
    }

    @Test
    void unterminatedStringMessageAndPosition() {
        Problem p = problemOf("SELECT 1;\n  INSERT INTO t VALUES ('abc);\n", SplitOptions.POSTGRESQL);
        assertThat(p.where()).isEqualTo(new SourceSpan("f.sql", 2, 25));
        assertThat(p.message()).isEqualTo("unterminated string literal");
        assertThat(p.hint()).isEqualTo("close it with '; inside it, write ' twice ('it''s')");
        assertThat(p.render()).isEqualTo("f.sql:2:25: unterminated string literal\n"
                + "  hint: close it with '; inside it, write ' twice ('it''s')");
    }

    @Test
    void unterminatedDollarQuoteNamesItsTag() {
        Problem p = problemOf("DO $body$ BEGIN END $$;", SplitOptions.POSTGRESQL);
        assertThat(p.where()).isEqualTo(new SourceSpan("f.sql", 1, 4));
        assertThat(p.message()).isEqualTo("unterminated dollar-quoted string $body$");
        assertThat(p.hint()).isEqualTo("close it with $body$");
    }

    @Test
    void unterminatedBlockCommentPointsAtItsStart() {
        Problem p = problemOf("SELECT 1;\n\n   /* a /* b */ c", SplitOptions.POSTGRESQL);
        assertThat(p.where()).isEqualTo(new SourceSpan("f.sql", 3, 4));
        assertThat(p.message()).isEqualTo("unterminated block comment");
        // not nested in SQLite: the same text is a complete comment followed by a statement
        assertThat(split("SELECT 1;\n\n   /* a /* b */ c", SplitOptions.SQLITE))
                .extracting(SqlStatement::sql).containsExactly("SELECT 1", "c");
    }

    @Test
    void unterminatedIdentifiers() {
        assertThat(problemOf("SELECT \"a", SplitOptions.POSTGRESQL).message()).isEqualTo("unterminated quoted identifier");
        assertThat(problemOf("SELECT `a", SplitOptions.MYSQL).message()).isEqualTo("unterminated backtick-quoted identifier");
        assertThat(problemOf("SELECT [a", SplitOptions.SQLITE).message()).isEqualTo("unterminated bracket-quoted identifier");
        assertThat(problemOf("SELECT \"a\\\"", SplitOptions.MYSQL).message()).isEqualTo("unterminated double-quoted string");
    }

    @Test
    void psqlMetaCommandIsLocatedWithHint() {
        Problem p = problemOf("CREATE TABLE t (a int);\n\\set ON_ERROR_STOP 1\n", SplitOptions.POSTGRESQL);
        assertThat(p.where()).isEqualTo(new SourceSpan("f.sql", 2, 1));
        assertThat(p.message()).isEqualTo("psql meta-command \\set is not SQL");
        assertThat(p.hint()).startsWith("Graft sends each statement to the database itself, not through psql");
        assertThat(problemOf("SELECT 1;\n\\c other", SplitOptions.POSTGRESQL).message())
                .isEqualTo("psql meta-command \\c is not SQL");
    }

    @Test
    void backslashInsideStringsAndCommentsIsNoMetaCommand() {
        assertThat(split("SELECT '\n\\set x';\n-- \\i y\n/* \\connect */ SELECT $$\n\\c$$;", SplitOptions.POSTGRESQL))
                .hasSize(2);
    }

    @Test
    void copyTextAfterSemicolonIsAnError() {
        Problem p = problemOf("COPY t FROM stdin; 1\n\\.\n", SplitOptions.POSTGRESQL);
        assertThat(p.where()).isEqualTo(new SourceSpan("f.sql", 1, 20));
        assertThat(p.message()).isEqualTo("text after COPY ... FROM stdin; on the same line");
    }

    @Test
    void copyDataOnlyWithTheOption() {
        List<SqlStatement> st = split("COPY t FROM stdin;\n1\n", SplitOptions.STANDARD);
        assertThat(st).extracting(SqlStatement::sql).containsExactly("COPY t FROM stdin", "1");
    }

    @Test
    void delimiterWithBackslashIsAnError() {
        Problem p = problemOf("DELIMITER \\\\\nSELECT 1", SplitOptions.MYSQL);
        assertThat(p.where()).isEqualTo(new SourceSpan("f.sql", 1, 11));
        assertThat(p.message()).isEqualTo("a DELIMITER may not contain a backslash");
    }

    @Test
    void delimiterLineOnlyWithTheOption() {
        assertThat(split("DELIMITER $$\nSELECT 1$$", SplitOptions.SQLITE)).extracting(SqlStatement::sql)
                .containsExactly("DELIMITER $$\nSELECT 1$$");
    }

    @Test
    void eachFlagIsIndependent() {
        SplitOptions s = SplitOptions.STANDARD;
        // backslash escapes only when asked
        assertThat(split("SELECT 'a\\'; SELECT 2;", s)).hasSize(2);
        assertThat(split("SELECT 'a\\'b'; SELECT 2;", withBackslash(s))).hasSize(2)
                .first().extracting(SqlStatement::sql).isEqualTo("SELECT 'a\\'b'");
        // hash comments only when asked
        assertThat(split("SELECT 1 # x;\n;", s)).extracting(SqlStatement::sql).containsExactly("SELECT 1 # x");
        // -- always a comment unless it needs a space
        assertThat(split("SELECT 1--x;\n;", s)).extracting(SqlStatement::sql).containsExactly("SELECT 1");
        // $ quotes only when asked
        assertThat(split("SELECT $$a;b$$;", s)).hasSize(2);
        assertThat(split("SELECT $$a;b$$;", SplitOptions.POSTGRESQL)).hasSize(1);
    }

    private static SplitOptions withBackslash(SplitOptions o) {
        return o.toBuilder().backslashEscapes(true).build();
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        SplitOptions o = SplitOptions.POSTGRESQL.toBuilder().rejectPsqlMetaCommands(false).build();
        assertThat(o).isEqualTo(new SplitOptions(true, false, true, true, false, false, false, false, false, true,
                true, false, false, false, false, true));
        assertThat(SplitOptions.builder().build()).isEqualTo(SplitOptions.STANDARD);
        assertThat(split("SELECT 1 \\gset", o)).extracting(SqlStatement::sql).containsExactly("SELECT 1 \\gset");
    }

    @Test
    void forDialectGivesEachDialectsSet() {
        assertThat(Dialects.of(DialectId.POSTGRESQL).splitOptions()).isEqualTo(SplitOptions.POSTGRESQL);
        assertThat(Dialects.of(DialectId.SQLITE).splitOptions().triggerBodies()).isTrue();
        assertThat(Dialects.of(DialectId.MYSQL).splitOptions().delimiterCommand()).isTrue();
        assertThat(SplitOptions.POSTGRESQL.backslashEscapes()).isFalse();
    }

    @Test
    void lastStatementEndingInsideABodyAtEndOfFileIsStillReturned() {
        assertThat(split("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1;", SplitOptions.SQLITE))
                .extracting(SqlStatement::sql).containsExactly("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1;");
    }

    @Test
    void splitterRunsWithoutJSqlParserOnTheClassPath() throws Exception {
        java.net.URL engineClasses = SqlSplitter.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {engineClasses},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> splitter = loader.loadClass(SqlSplitter.class.getName());
            Class<?> options = loader.loadClass(SplitOptions.class.getName());
            Object pg = options.getField("POSTGRESQL").get(null);
            List<?> st = (List<?>) splitter.getMethod("split", String.class, String.class, options)
                    .invoke(null, "SELECT 1; SELECT 2", "f.sql", pg);
            assertThat(st).hasSize(2);
            assertThat(loader.getResource("net/sf/jsqlparser/parser/CCJSqlParserUtil.class")).isNull();
        }
    }

    @Test
    void largeInputSplitsLinearly() {
        int rows = 200_000;
        StringBuilder sb = new StringBuilder(rows * 110);
        for (int i = 0; i < rows; i++) {
            sb.append("INSERT INTO events (id, name, payload) VALUES (").append(i)
                    .append(", 'event ").append(i).append("; it''s', '{\"k\": \"v;\"}'); -- row ").append(i).append('\n');
        }
        String text = sb.toString();
        assertThat(text.length()).isGreaterThan(20_000_000);
        for (DialectId d : DialectId.values()) {
            List<SqlStatement> st = SqlSplitter.split(text, "big.sql", Dialects.of(d).splitOptions());
            assertThat(st).hasSize(rows);
            assertThat(st.get(rows - 1).span()).isEqualTo(new SourceSpan("big.sql", rows, 1));
            assertThat(st.get(rows - 1).sql()).endsWith("'{\"k\": \"v;\"}')");
        }
    }
}
