package io.graft.internal.sql;

import io.graft.changelog.DialectId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of SQL scripts whose statements are known: each statement is built from the
 * tricky tokens of a dialect (strings holding {@code ;} and quotes, quoted names, dollar quotes,
 * comments between tokens, bodies), then the statements are joined by random blanks and comments.
 * {@link Script} renders the file and says which statements, at which positions, must come back.
 */
final class SplitterGenerators {

    private SplitterGenerators() {
    }

    /** One statement and what ends it in the file ({@code ;} or the MySQL delimiter in force). */
    record Stmt(String sql, String terminator) {
    }

    /** A run of statements under one MySQL delimiter; for other dialects always {@code ;}. */
    record Block(String delimiter, List<Stmt> statements) {
    }

    record Expected(String sql, int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column + " " + sql;
        }
    }

    /** A generated file: blocks of statements, and the separators before and after each statement. */
    record Script(List<Block> blocks, List<String> separators) {

        String text() {
            return render(null);
        }

        List<Expected> expected() {
            List<Expected> out = new ArrayList<>();
            render(out);
            return out;
        }

        private String render(List<Expected> out) {
            StringBuilder s = new StringBuilder();
            int sep = 0;
            s.append(separators.get(sep++ % separators.size()));
            for (Block block : blocks) {
                if (!block.delimiter().equals(";") || s.indexOf("DELIMITER") >= 0) {
                    s.append("\nDELIMITER ").append(block.delimiter()).append('\n');
                }
                for (Stmt st : block.statements()) {
                    if (out != null) {
                        out.add(at(s, st.sql()));
                    }
                    s.append(st.sql()).append(st.terminator());
                    s.append(separators.get(sep++ % separators.size()));
                }
            }
            return s.toString();
        }

        private static Expected at(CharSequence before, String sql) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Expected(sql, line, before.length() - lineStart + 1);
        }

        @Override
        public String toString() {
            return "\n----- script -----\n" + text() + "\n------------------";
        }
    }

    static Arbitrary<Script> script(DialectId dialect) {
        Arbitrary<List<Block>> blocks = dialect == DialectId.MYSQL
                ? mysqlBlock().list().ofMinSize(1).ofMaxSize(4)
                : statement(dialect).map(sql -> new Stmt(sql, ";")).list().ofMinSize(1).ofMaxSize(8)
                        .map(list -> List.of(new Block(";", list)));
        return Combinators.combine(blocks, separator(dialect).list().ofMinSize(1).ofMaxSize(6))
                .as(Script::new);
    }

    // ---- MySQL: statements under ; and under custom delimiters

    private static Arbitrary<Block> mysqlBlock() {
        Arbitrary<String> delimiter = Arbitraries.of(";", "$$", "//", ";;", "$", "@@");
        return delimiter.flatMap(d -> {
            Arbitrary<String> one = d.equals(";") ? statement(DialectId.MYSQL)
                    : Arbitraries.oneOf(statement(DialectId.MYSQL), mysqlRoutine());
            return one.map(sql -> new Stmt(sql, d)).list().ofMinSize(1).ofMaxSize(4).map(list -> new Block(d, list));
        });
    }

    private static Arbitrary<String> mysqlRoutine() {
        Arbitrary<String> bodyStatement = Arbitraries.oneOf(
                Arbitraries.just("SET c_v = c_v + 1;"),
                tokens(DialectId.MYSQL).map(t -> "SELECT " + t + ";"),
                Arbitraries.just("IF c_v > 1 THEN SET c_v = 0; ELSEIF c_v = 0 THEN SELECT 'end if;'; END IF;"),
                Arbitraries.just("c_l: LOOP LEAVE c_l; END LOOP c_l;"),
                Arbitraries.just("WHILE c_v < 3 DO SET c_v = c_v + 1; END WHILE;"),
                Arbitraries.just("REPEAT SET c_v = c_v - 1; UNTIL c_v < 0 END REPEAT;"),
                Arbitraries.just("CASE c_v WHEN 1 THEN SELECT 'x;'; ELSE BEGIN END; END CASE;"),
                Arbitraries.just("SELECT CASE WHEN c_v THEN 'a' ELSE 'b' END INTO c_v;"));
        Arbitrary<String> body = Combinators.combine(bodyStatement.list().ofMinSize(1).ofMaxSize(4),
                innerGap(DialectId.MYSQL)).as((list, gap) -> String.join(gap, list));
        Arbitrary<String> head = Arbitraries.of(
                "CREATE PROCEDURE c_p()",
                "CREATE DEFINER = CURRENT_USER PROCEDURE `c;p`(IN c_v INT)",
                "CREATE FUNCTION c_f(c_v INT) RETURNS INT DETERMINISTIC",
                "CREATE TRIGGER c_t BEFORE INSERT ON c_x FOR EACH ROW",
                "CREATE EVENT c_e ON SCHEDULE EVERY 1 DAY DO");
        return Combinators.combine(head, innerGap(DialectId.MYSQL), body, Arbitraries.of("END", "end"))
                .as((h, gap, b, end) -> h + gap + "BEGIN" + gap + b + gap + end);
    }

    // ---- statements of every dialect

    static Arbitrary<String> statement(DialectId dialect) {
        List<Arbitrary<String>> kinds = new ArrayList<>();
        kinds.add(Combinators.combine(Arbitraries.of("SELECT", "select", "INSERT INTO c_x VALUES (", "UPDATE c_x SET c_a ="),
                tokens(dialect)).as((head, t) -> head + " " + t + (head.endsWith("(") ? ")" : "")));
        kinds.add(Combinators.combine(Arbitraries.of("CREATE TABLE c_t (c_a int DEFAULT", "CREATE VIEW c_v AS SELECT"),
                tokens(dialect)).as((head, t) -> head.startsWith("CREATE TABLE") ? head + " " + t + ")" : head + " " + t));
        switch (dialect) {
            case POSTGRESQL -> {
                kinds.add(dollarQuoted().map(q -> "CREATE FUNCTION c_f() RETURNS int LANGUAGE plpgsql AS " + q));
                kinds.add(dollarQuoted().map(q -> "DO " + q));
                kinds.add(atomicBody());
            }
            case SQLITE -> kinds.add(sqliteTrigger());
            case MYSQL -> {
            }
        }
        return Arbitraries.oneOf(kinds);
    }

    /** Two to five tokens with blanks or comments between them; never a comment at either end. */
    private static Arbitrary<String> tokens(DialectId dialect) {
        Arbitrary<String> token = token(dialect);
        return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(5), innerGap(dialect).list().ofSize(5))
                .as((list, gaps) -> {
                    StringBuilder s = new StringBuilder(list.get(0));
                    for (int i = 1; i < list.size(); i++) {
                        s.append(gaps.get(i)).append(i % 2 == 0 ? "||" : "+").append(' ').append(list.get(i));
                    }
                    return s.toString();
                });
    }

    private static Arbitrary<String> token(DialectId dialect) {
        List<Arbitrary<String>> tokens = new ArrayList<>();
        tokens.add(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6).map(s -> "c_" + s));
        tokens.add(Arbitraries.integers().between(0, 999).map(String::valueOf));
        // MySQL reads a backslash in '...' as an escape: double it there
        String backslash = dialect == DialectId.MYSQL ? "\\\\" : "\\";
        tokens.add(text().map(t -> "'" + t.replace("\\", backslash).replace("'", "''") + "'"));
        tokens.add(text().map(t -> "('" + t.replace("\\", backslash).replace("'", "''") + "', 1)"));
        switch (dialect) {
            case POSTGRESQL -> {
                tokens.add(text().map(t -> "\"" + t.replace("\"", "\"\"") + "\""));
                tokens.add(text().map(t -> "E'" + t.replace("\\", "\\\\").replace("'", "\\'") + "'"));
                tokens.add(text().map(t -> "U&'" + t.replace("'", "''") + "'"));
                tokens.add(dollarQuoted());
                tokens.add(Arbitraries.of("$1", "c_a$b", "c_x::text", "ARRAY[1, 2]"));
            }
            case SQLITE -> {
                tokens.add(text().map(t -> "\"" + t.replace("\"", "\"\"") + "\""));
                tokens.add(text().map(t -> "`" + t.replace("`", "``") + "`"));
                tokens.add(text().filter(t -> t.indexOf(']') < 0).map(t -> "[" + t + "]"));
                tokens.add(Arbitraries.of("x'3b'", "CASE WHEN 1 THEN 'end;' ELSE 2 END"));
            }
            case MYSQL -> {
                tokens.add(text().map(t -> "'" + t.replace("\\", "\\\\").replace("'", "\\'") + "'"));
                tokens.add(text().map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
                tokens.add(text().map(t -> "`" + t.replace("`", "``") + "`"));
                // no $ outside quotes: it could be the delimiter, which ends a statement even inside a word
                tokens.add(Arbitraries.of("5--1", "/*!50000 c_x */", "/*M!100100 1 */", "@c_var",
                        "CASE WHEN 1 THEN 'end;' ELSE 2 END"));
            }
        }
        return Arbitraries.oneOf(tokens);
    }

    /** Text for strings, quoted names and comments: the characters that confuse a naive splitter. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab ;'\"`$#-\\()\n\u00e9").ofMaxLength(12);
    }

    /** Comment text: as {@link #text()}, but nothing that could close the comment or make it executable. */
    private static Arbitrary<String> commentText() {
        return Arbitraries.strings().withChars("ab ;'\"`$#-()\u00e9").ofMaxLength(12);
    }

    private static Arbitrary<String> dollarQuoted() {
        Arbitrary<String> tag = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(1).map(s -> s + "_1"));
        Arbitrary<String> body = Arbitraries.oneOf(text(),
                Arbitraries.of("BEGIN IF c_a THEN RETURN 1; END IF; END;", "$x$;$x$", "'it''s;'", "/* ; */ -- ;\n"));
        return Combinators.combine(tag, body, body).as((t, b1, b2) -> {
            String q = "$" + t + "$";
            String b = b1 + b2;
            return (b + q).indexOf(q) == b.length() ? q + b + q : q + q;
        });
    }

    private static Arbitrary<String> atomicBody() {
        Arbitrary<String> inner = Arbitraries.of(
                "SELECT 1;",
                "SELECT CASE WHEN c_a THEN 'end;' ELSE CASE WHEN 1 THEN 2 END END;",
                "INSERT INTO c_x VALUES ('a;b');",
                "SELECT \"end\", c_t.begin FROM c_t;");
        return Combinators.combine(Arbitraries.of("BEGIN ATOMIC", "begin atomic"), inner.list().ofMinSize(1).ofMaxSize(3),
                innerGap(DialectId.POSTGRESQL)).as((b, list, gap) ->
                "CREATE FUNCTION c_g(c_a int) RETURNS int LANGUAGE sql " + b + gap + String.join(gap, list) + gap + "END");
    }

    private static Arbitrary<String> sqliteTrigger() {
        Arbitrary<String> inner = Arbitraries.oneOf(
                Arbitraries.of("SELECT CASE WHEN NEW.c_a THEN 'end;' ELSE RAISE(ABORT, 'x;y') END;",
                        "UPDATE c_x SET \"end\" = 1 WHERE c_a = NEW.c_a;",
                        "DELETE FROM c_x WHERE c_a = OLD.c_a;"),
                tokens(DialectId.SQLITE).map(t -> "INSERT INTO c_x VALUES (" + t + ");"));
        return Combinators.combine(Arbitraries.of("BEGIN", "begin"), inner.list().ofMinSize(1).ofMaxSize(3),
                innerGap(DialectId.SQLITE), Arbitraries.of("END", "end")).as((b, list, gap, end) ->
                "CREATE TRIGGER c_tr AFTER INSERT ON c_x WHEN NEW.c_a > 0 " + b + gap + String.join(gap, list) + gap + end);
    }

    // ---- blanks and comments

    /** What may stand between two tokens of one statement: at least one blank or a comment. */
    private static Arbitrary<String> innerGap(DialectId dialect) {
        return Arbitraries.oneOf(Arbitraries.of(" ", "\n", "\t", "\r\n  "), comment(dialect).map(c -> " " + c + " "));
    }

    /** What may stand between two statements: blanks and comments, possibly nothing. */
    private static Arbitrary<String> separator(DialectId dialect) {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "\n", "\n\n", "\t", "\r\n"), comment(dialect))
                .list().ofMaxSize(4).map(parts -> String.join("", parts));
    }

    private static Arbitrary<String> comment(DialectId dialect) {
        List<Arbitrary<String>> kinds = new ArrayList<>();
        kinds.add(commentText().map(t -> "/*" + t + "*/"));
        kinds.add(commentText().map(t -> "-- " + t.replace("\n", " ") + "\n"));
        switch (dialect) {
            case POSTGRESQL -> {
                kinds.add(Combinators.combine(commentText(), commentText())
                        .as((a, b) -> "/* " + a + " /* " + b + " */ " + a + " */"));
                kinds.add(commentText().map(t -> "--" + t.replace("\n", " ") + "\n"));
            }
            case SQLITE -> kinds.add(commentText().map(t -> "--" + t.replace("\n", " ") + "\n"));
            case MYSQL -> {
                kinds.add(commentText().map(t -> "#" + t.replace("\n", " ") + "\n"));
                kinds.add(commentText().map(t -> "--\t" + t.replace("\n", " ") + "\n"));
            }
        }
        return Arbitraries.oneOf(kinds);
    }
}
