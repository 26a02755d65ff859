package io.graft.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatementInspectorTest {

    @Test
    void skipsLeadingCommentsAndLineBreaks() {
        assertThat(StatementInspector.isDdl("/* a /* b */ CREATE TABLE t (a int)")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE t (a int)          | true",
        "alter table t add b int         | true",
        "DROP VIEW v                     | true",
        "TRUNCATE t                      | true",
        "RENAME TABLE a TO b             | true",
        "COMMENT ON TABLE t IS 'x'       | true",
        "GRANT SELECT ON t TO u          | true",
        "REVOKE ALL ON t FROM u          | true",
        "INSERT INTO t VALUES (1)        | false",
        "SELECT 'CREATE'                 | false",
        "COMMENT 'x'                     | false",
        "/* CREATE */ UPDATE t SET a = 1 | false",
    })
    void ddl(String sql, boolean expected) {
        assertThat(StatementInspector.isDdl(sql)).isEqualTo(expected);
    }

    @Test
    void ddlBehindCommentsAndExecutableComments() {
        assertThat(StatementInspector.isDdl("-- note\nCREATE INDEX i ON t (a)")).isTrue();
        assertThat(StatementInspector.isDdl("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER t"
                + " BEFORE INSERT ON t FOR EACH ROW SET @a = 1 */")).isTrue();
    }

    @Test
    void firstLine() {
        assertThat(StatementInspector.firstLine("\n  \n  CREATE TABLE t (\n  a int\n)")).isEqualTo("CREATE TABLE t (");
        assertThat(StatementInspector.firstLine("SELECT 1\r\n")).isEqualTo("SELECT 1");
        String longLine = "INSERT INTO t VALUES (" + "1, ".repeat(40) + "1)";
        String cut = StatementInspector.firstLine(longLine);
        assertThat(cut).hasSize(80).endsWith("…").startsWith("INSERT INTO t VALUES (1, 1,");
        assertThat(StatementInspector.firstLine("x".repeat(80))).isEqualTo("x".repeat(80));
        assertThat(StatementInspector.firstLine("")).isEmpty();
    }
}
