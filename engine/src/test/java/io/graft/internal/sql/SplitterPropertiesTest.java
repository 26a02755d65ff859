package io.graft.internal.sql;

import io.graft.internal.dialect.Dialects;
import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.internal.sql.SplitterGenerators.Expected;
import io.graft.internal.sql.SplitterGenerators.Script;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random scripts of known statements, joined by random blanks and comments, split back into
 * exactly those statements at exactly their positions ({@link SplitterGenerators} builds them from
 * each dialect's tricky tokens). A failure shrinks to a short script, printed whole.
 */
class SplitterPropertiesTest {

    @Property(tries = 300)
    void postgresqlStatementsComeBack(@ForAll("postgresql") Script script) {
        check(script, DialectId.POSTGRESQL);
    }

    @Property(tries = 300)
    void sqliteStatementsComeBack(@ForAll("sqlite") Script script) {
        check(script, DialectId.SQLITE);
    }

    @Property(tries = 300)
    void mysqlStatementsComeBack(@ForAll("mysql") Script script) {
        check(script, DialectId.MYSQL);
    }

    @Provide
    Arbitrary<Script> postgresql() {
        return SplitterGenerators.script(DialectId.POSTGRESQL);
    }

    @Provide
    Arbitrary<Script> sqlite() {
        return SplitterGenerators.script(DialectId.SQLITE);
    }

    @Provide
    Arbitrary<Script> mysql() {
        return SplitterGenerators.script(DialectId.MYSQL);
    }

    private static void check(Script script, DialectId dialect) {
        List<Expected> actual = SqlSplitter.split(script.text(), "gen.sql", Dialects.of(dialect).splitOptions()).stream()
                .map(s -> new Expected(s.sql(), s.span().line(), s.span().column()))
                .toList();
        assertThat(actual).as("statements of%s", script).containsExactlyElementsOf(script.expected());
    }
}
